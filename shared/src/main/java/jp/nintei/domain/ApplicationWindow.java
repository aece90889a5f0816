package jp.nintei.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * 受付期間: open from {@code opens} 00:00:00 to {@code closes} 23:59:59 JST inclusive, judged by the
 * server clock at the moment the request arrives.
 */
public record ApplicationWindow(LocalDate opens, LocalDate closes) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    public ApplicationWindow {
        if (opens == null || closes == null) throw new IllegalArgumentException("window needs both dates");
        if (closes.isBefore(opens)) throw new IllegalArgumentException("window closes before it opens");
    }

    public ZonedDateTime opensAt() { return opens.atStartOfDay(AppClock.JST); }

    /** The first instant after the window: the day after {@code closes}, 00:00:00 JST. */
    public ZonedDateTime endsBefore() { return closes.plusDays(1).atStartOfDay(AppClock.JST); }

    public boolean isOpenAt(ZonedDateTime now) {
        return !now.isBefore(opensAt()) && now.isBefore(endsBefore());
    }

    /** As the manual shows it: {@code 受付期間：2026年4月1日 0:00 ~ 2026年4月30日 23:59}. */
    public String label() {
        return "受付期間：" + DAY.format(opens) + " 0:00 ~ " + DAY.format(closes) + " 23:59";
    }
}
