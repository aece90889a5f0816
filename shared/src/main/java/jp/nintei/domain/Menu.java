package jp.nintei.domain;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rules of the 専門医 menu on マイページ (DOMAIN.md "The menu"). Pure: no I/O. */
public final class Menu {
    private Menu() {}

    /** The application year shown on the menu: the calendar year in Japan now. */
    public static int applicationYear(Clock clock) {
        return AppClock.now(clock).getYear();
    }

    public static List<MenuEntry> entries(Member member, YearWindows windows,
                                          Collection<ApplicationSummary> applications, ZonedDateTime now) {
        List<MenuEntry> out = new ArrayList<>();
        for (ApplicationKind kind : ApplicationKind.values()) out.add(entry(kind, member, windows, applications, now));
        return out;
    }

    static MenuEntry entry(ApplicationKind kind, Member member, YearWindows windows,
                           Collection<ApplicationSummary> applications, ZonedDateTime now) {
        ApplicationWindow window = windows.windowFor(kind);
        String windowLabel = window.label();
        if (isSubmitted(applications, windows.year(), kind)) {
            return new MenuEntry(kind, MenuEntry.State.SUBMITTED, Messages.SUBMITTED, windowLabel);
        }
        ApplicationSummary own = find(applications, windows.year(), kind);
        boolean open = ApplicationSummary.openFor(window, own == null ? null : own.extendedUntil(), now);
        return switch (kind.stage()) {
            case PRIMARY -> open
                    ? new MenuEntry(kind, MenuEntry.State.OPEN, windowLabel, windowLabel)
                    : new MenuEntry(kind, MenuEntry.State.CLOSED, Messages.OUT_OF_WINDOW, windowLabel);
            case SECONDARY -> open && isSubmitted(applications, windows.year(), kind.requiredPrimary())
                    ? new MenuEntry(kind, MenuEntry.State.OPEN, windowLabel, windowLabel)
                    : new MenuEntry(kind, MenuEntry.State.CLOSED, Messages.SECONDARY_UNAVAILABLE, windowLabel);
            case RENEWAL -> {
                if (!member.specialistStatus().isOrWasSpecialist()) {
                    yield new MenuEntry(kind, MenuEntry.State.NOT_ELIGIBLE, Messages.NOT_SPECIALIST, windowLabel);
                }
                yield open
                        ? new MenuEntry(kind, MenuEntry.State.OPEN, windowLabel, windowLabel)
                        : new MenuEntry(kind, MenuEntry.State.CLOSED, Messages.OUT_OF_WINDOW, windowLabel);
            }
        };
    }

    private static ApplicationSummary find(Collection<ApplicationSummary> applications, int year, ApplicationKind kind) {
        for (ApplicationSummary a : applications) if (a.year() == year && a.kind() == kind) return a;
        return null;
    }

    private static boolean isSubmitted(Collection<ApplicationSummary> applications, int year, ApplicationKind kind) {
        for (ApplicationSummary a : applications) {
            if (a.year() == year && a.kind() == kind && a.submitted()) return true;
        }
        return false;
    }
}
