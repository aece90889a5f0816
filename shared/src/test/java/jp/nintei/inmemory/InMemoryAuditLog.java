package jp.nintei.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import jp.nintei.domain.AppClock;
import jp.nintei.port.AuditLog;

/** {@link AuditLog} in memory: every line kept in order; read back newest first, by JST day or by member. */
public final class InMemoryAuditLog implements AuditLog {
    private final List<Entry> lines = new ArrayList<>();

    @Override
    public synchronized void record(Entry entry) { lines.add(Objects.requireNonNull(entry)); }

    @Override
    public synchronized List<Entry> on(java.time.LocalDate day) {
        return lines.stream().filter(e -> e.at().atZone(AppClock.JST).toLocalDate().equals(day))
                .sorted(Comparator.comparing(Entry::at).reversed()).toList();
    }

    @Override
    public synchronized List<Entry> of(String memberNo) {
        return lines.stream().filter(e -> memberNo.equals(e.memberNo())).sorted(Comparator.comparing(Entry::at).reversed()).toList();
    }

    /** Every line in the order written (for assertions). */
    public synchronized List<Entry> all() { return List.copyOf(lines); }

    /** The actions written, in order. */
    public synchronized List<String> actions() { return lines.stream().map(Entry::action).toList(); }
}
