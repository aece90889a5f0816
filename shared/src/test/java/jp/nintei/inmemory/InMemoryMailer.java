package jp.nintei.inmemory;

import java.util.ArrayList;
import java.util.List;
import jp.nintei.port.Mailer;

/**
 * {@link Mailer} in memory: keeps every mail handed over, in order. Told to fail, it refuses as SES would when
 * throttled or down ({@link Mailer.NotSent}), and keeps nothing of the refused mail but the attempt.
 */
public final class InMemoryMailer implements Mailer {
    private final List<Mail> sent = new ArrayList<>();
    private int attempts;
    private int failNext;
    private boolean failing;

    @Override
    public synchronized void send(Mail mail) {
        attempts++;
        if (failing || failNext > 0) {
            if (failNext > 0) failNext--;
            throw new NotSent("refused (test)", null);
        }
        sent.add(mail);
    }

    /** Every send fails until {@code false}. */
    public synchronized void failing(boolean f) { this.failing = f; }

    /** The next {@code n} sends fail, then they go through. */
    public synchronized void failNext(int n) { this.failNext = n; }

    public synchronized List<Mail> sent() { return List.copyOf(sent); }

    public synchronized List<Mail> sentTo(String address) { return sent.stream().filter(m -> address.equals(m.to())).toList(); }

    /** Sends tried, refused ones included. */
    public synchronized int attempts() { return attempts; }
}
