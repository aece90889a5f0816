package jp.nintei.service;

import java.time.Clock;
import jp.nintei.domain.WindowChange;
import jp.nintei.domain.YearWindows;
import jp.nintei.port.AuditLog;
import jp.nintei.port.MemberStore;
import jp.nintei.port.StoredWindows;

/** 受付期間 as the secretariat reads and changes them; every change is on record with the dates before and after. */
public final class Windows {
    private final StoredWindows stored;
    private final MemberStore members;
    private final AuditLog audit;
    private final Clock clock;

    public Windows(StoredWindows stored, MemberStore members, AuditLog audit, Clock clock) {
        this.stored = stored;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** 受付期間 of a year as the secretariat sets them (JST dates, open 0:00 to close 23:59:59). */
    public YearWindows of(int year) { return stored.windows(year); }

    /** The change applied over the year's current windows and put on record; a refused change writes nothing. */
    public YearWindows update(int year, WindowChange change, String actor) {
        YearWindows before = stored.windows(year);
        YearWindows after = change.applyTo(before);
        members.putWindows(after);
        audit.record(new AuditLog.Entry(clock.instant(), actor, "WINDOWS_CHANGED", null, Integer.toString(year),
                describe(before), describe(after)));
        return after;
    }

    private static String describe(YearWindows w) {
        return "一次 " + w.primary().label() + " / 二次 " + w.secondary().label() + " / 更新 " + w.renewal().label();
    }
}
