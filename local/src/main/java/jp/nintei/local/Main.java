package jp.nintei.local;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.nintei.domain.AppClock;

/**
 * {@code run-local}: the whole system on this machine. Options: {@code --port=8080}, {@code --now=2026-06-10T09:00}
 * (JST; shifts "now" for the demo, the clock keeps running). Ctrl-C stops everything.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int port = 8080;
        for (String a : args) {
            if (a.startsWith("--port=")) port = Integer.parseInt(a.substring(7));
            else if (a.startsWith("--now=")) AppClock.shiftForLocalRun(LocalGateway.clockAt(a.substring(6)));
            else if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: run-local [--port=8080] [--now=2026-06-10T09:00]");
                return;
            } else {
                System.err.println("unknown option " + a + " (try --help)");
                System.exit(2);
            }
        }
        LocalSystem system = LocalSystem.start(port, true);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "shutdown"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        String url = system.gateway().url();
        StringBuilder b = new StringBuilder();
        b.append("\n  nintei (認定) is running locally — ready in ").append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s\n\n");
        b.append("  Open:      ").append(url).append("/\n");
        b.append("  Now (JST): ").append(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").format(AppClock.now(AppClock.process())))
                .append(AppClock.isShifted() ? "  (shifted with --now)" : "").append('\n');
        b.append("  Mail:      ").append(system.aws().endpoints().ses()).append("/  (local SES viewer)\n");
        b.append("  Schedules: ").append(system.schedules().schedules().size()).append(" from template.yaml\n\n");
        b.append("  Demo logins (password for all: ").append(DemoData.PASSWORD).append(")\n");
        for (DemoData.Login l : system.demo().logins()) {
            b.append(String.format("    %-9s %-22s %s%n", l.memberNo(), l.email(), l.description()));
        }
        b.append(String.format("    %-9s %-22s %s%n", DemoData.INVITED_NO, DemoData.INVITED_EMAIL,
                "招待メールの仮パスワードで初回ログイン（1分以内に上の Mail に届きます）"));
        b.append("\n  Try --now=").append(system.demo().year()).append("-04-10T09:00 (一次申請) or --now=")
                .append(system.demo().year()).append("-06-10T09:00 (二次申請).  Ctrl-C stops.\n");
        System.out.println(b);
        System.out.println("READY " + url);
        Thread.currentThread().join();
    }
}
