package jp.nintei.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Rejection;
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

    public YearWindows update(int year, Map<String, String> dates, String actor) {
        YearWindows before = stored.windows(year);
        YearWindows after;
        try {
            after = new YearWindows(year, window(dates, "primary", before.primary()), window(dates, "secondary", before.secondary()),
                    window(dates, "renewal", before.renewal()));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("BAD_WINDOW", e.getMessage(), "受付期間の日付が正しくありません。開始日と終了日を確認してください（終了日は開始日以降）。");
        }
        members.putWindows(after);
        audit.record(new AuditLog.Entry(clock.instant(), actor, "WINDOWS_CHANGED", null, Integer.toString(year),
                describe(before), describe(after)));
        return after;
    }

    private static ApplicationWindow window(Map<String, String> dates, String name, ApplicationWindow current) {
        String opens = dates.get(name + "Opens");
        String closes = dates.get(name + "Closes");
        if (opens == null && closes == null) return current;
        LocalDate o = opens == null ? current.opens() : parse(opens, name + "Opens");
        LocalDate c = closes == null ? current.closes() : parse(closes, name + "Closes");
        if (c.isBefore(o)) throw new IllegalArgumentException(name + "Closes");
        return new ApplicationWindow(o, c);
    }

    private static LocalDate parse(String typed, String field) {
        LocalDate d = jp.nintei.domain.secondary.JapaneseDate.parse(typed);
        if (d == null) throw new IllegalArgumentException(field);
        return d;
    }

    private static String describe(YearWindows w) {
        return "一次 " + w.primary().label() + " / 二次 " + w.secondary().label() + " / 更新 " + w.renewal().label();
    }
}
