package jp.nintei.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.SeasonStore;

/**
 * {@link SeasonStore} in memory, with the conditions of DynamoSeasonStore: a state change is recorded only from the
 * state the caller read (two runs: one wins), a draft is marked 未提出 only when its own extension has ended, each
 * reminder mark is written once, and the close's summary is claimed by one run at a time.
 */
public final class InMemorySeasonStore implements SeasonStore {
    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";

    private final InMemoryTable table;

    public InMemorySeasonStore(InMemoryTable table) { this.table = table; }

    @Override
    public String windowState(int year, ApplicationKind.Stage stage) { return table.windowState(year, stage); }

    /** Compare-and-set on the recorded state; the close of an open window records its time in the same write. */
    @Override
    public boolean recordWindowState(int year, ApplicationKind.Stage stage, String expected, String next, Instant at) {
        synchronized (table) {
            InMemoryTable.WindowItem w = table.windowItem(year);
            if (!Objects.equals(w.state.get(stage), expected)) return false;
            w.state.put(stage, next);
            if (CLOSED.equals(next) && OPEN.equals(expected)) w.closedAt.put(stage, at);
            return true;
        }
    }

    @Override
    public List<String> drafts(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.DRAFT); }

    @Override
    public List<String> notSubmitted(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.NOT_SUBMITTED); }

    private List<String> withStatus(int year, ApplicationKind kind, ApplicationStatus status) {
        synchronized (table) {
            return table.items.values().stream()
                    .filter(i -> i.key.year() == year && i.key.kind() == kind && i.status == status)
                    .map(i -> i.key.memberNo()).toList();
        }
    }

    @Override
    public boolean markDraftAgain(ApplicationKey key, Instant at) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            if (i == null || i.status != ApplicationStatus.NOT_SUBMITTED) return false;
            i.status = ApplicationStatus.DRAFT;
            return true;
        }
    }

    /** Only a draft whose individual extension (if any) ended before the day of {@code at} (JST). */
    @Override
    public boolean markNotSubmitted(ApplicationKey key, Instant at) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            LocalDate today = at.atZone(AppClock.JST).toLocalDate();
            if (i == null || i.status != ApplicationStatus.DRAFT || (i.extendedUntil != null && !i.extendedUntil.isBefore(today))) {
                return false;
            }
            i.status = ApplicationStatus.NOT_SUBMITTED;
            i.history.add("NOT_SUBMITTED");
            return true;
        }
    }

    @Override
    public Map<String, LocalDate> draftExtensions(int year, ApplicationKind kind) {
        synchronized (table) {
            Map<String, LocalDate> out = new HashMap<>();
            table.items.values().stream()
                    .filter(i -> i.key.year() == year && i.key.kind() == kind && i.status == ApplicationStatus.DRAFT && i.extendedUntil != null)
                    .forEach(i -> out.put(i.key.memberNo(), i.extendedUntil));
            return out;
        }
    }

    /** Once per application and mark, and only while it is a draft. */
    @Override
    public boolean markReminded(ApplicationKey key, String reminder, Instant at) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            if (i == null || i.status != ApplicationStatus.DRAFT) return false;
            return i.reminded.add(reminder);
        }
    }

    @Override
    public Close lastClose(int year, ApplicationKind.Stage stage) {
        synchronized (table) {
            InMemoryTable.WindowItem w = table.windowItems.get(year);
            Instant closedAt = w == null ? null : w.closedAt.get(stage);
            if (closedAt == null) return new Close(null, false);
            return new Close(closedAt, closedAt.equals(w.summaryFor.get(stage)) && w.summarySentAt.containsKey(stage));
        }
    }

    /** Claimed when no run claimed this close's summary, or the claim is older than {@code stale} and not sent. */
    @Override
    public boolean claimSummary(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now, Duration stale) {
        synchronized (table) {
            InMemoryTable.WindowItem w = table.windowItem(year);
            Instant claimed = w.summaryClaimedAt.get(stage);
            boolean free = !closedAt.equals(w.summaryFor.get(stage))
                    || (!w.summarySentAt.containsKey(stage) && claimed != null && claimed.isBefore(now.minus(stale)));
            if (!free) return false;
            w.summaryFor.put(stage, closedAt);
            w.summaryClaimedAt.put(stage, now);
            w.summarySentAt.remove(stage);
            return true;
        }
    }

    @Override
    public void summarySent(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now) {
        synchronized (table) {
            InMemoryTable.WindowItem w = table.windowItem(year);
            if (closedAt.equals(w.summaryFor.get(stage))) w.summarySentAt.put(stage, now);
        }
    }

    @Override
    public void releaseSummary(int year, ApplicationKind.Stage stage, Instant closedAt) {
        synchronized (table) {
            InMemoryTable.WindowItem w = table.windowItem(year);
            if (closedAt.equals(w.summaryFor.get(stage))) w.summaryClaimedAt.put(stage, Instant.EPOCH);
        }
    }
}
