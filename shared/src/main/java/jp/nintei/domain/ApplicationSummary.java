package jp.nintei.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * What the menu needs to know of one application of the member. {@code extendedUntil}: the secretariat's
 * individual extension of this applicant's deadline (the last day, JST inclusive), or null.
 */
public record ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt,
                                 LocalDate extendedUntil) {
    public ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt) {
        this(year, kind, status, submittedAt, null);
    }

    public boolean submitted() { return status == ApplicationStatus.SUBMITTED; }

    /** The window, or this applicant's extension of it: open from the window's first day to the extension's last. */
    public static boolean openFor(ApplicationWindow window, LocalDate extendedUntil, ZonedDateTime now) {
        if (window.isOpenAt(now)) return true;
        return extendedUntil != null && !now.isBefore(window.opensAt())
                && now.isBefore(extendedUntil.plusDays(1).atStartOfDay(AppClock.JST));
    }
}
