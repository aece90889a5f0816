package jp.nintei.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * What the menu needs to know of one application of the member. {@code extendedUntil}: the secretariat's
 * individual extension of this applicant's deadline (the last day, JST inclusive), or null; {@code returned}: the
 * secretariat sent it back (差し戻し), so {@code extendedUntil} is its 修正期限.
 */
public record ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt,
                                 LocalDate extendedUntil, boolean returned) {
    public ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt) {
        this(year, kind, status, submittedAt, null, false);
    }

    public ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt, LocalDate extendedUntil) {
        this(year, kind, status, submittedAt, extendedUntil, false);
    }

    /**
     * This applicant's own last day when it is later than the window's (an individual extension or a 修正期限), else
     * null: the date to show wherever the window is shown.
     */
    public static LocalDate personalDeadline(ApplicationWindow window, LocalDate extendedUntil) {
        return extendedUntil != null && extendedUntil.isAfter(window.closes()) ? extendedUntil : null;
    }

    public boolean submitted() { return status == ApplicationStatus.SUBMITTED; }

    /** The window, or this applicant's extension of it: open from the window's first day to the extension's last. */
    public static boolean openFor(ApplicationWindow window, LocalDate extendedUntil, ZonedDateTime now) {
        if (window.isOpenAt(now)) return true;
        return extendedUntil != null && !now.isBefore(window.opensAt())
                && now.isBefore(extendedUntil.plusDays(1).atStartOfDay(AppClock.JST));
    }
}
