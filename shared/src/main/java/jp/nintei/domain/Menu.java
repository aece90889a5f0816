package jp.nintei.domain;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rules of the 専門医 menu on マイページ (docs/domain.md "The menu"). Pure: no I/O. */
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
        if (open && own != null) windowLabel = personalLabel(window, own, windowLabel);
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

    /**
     * The window as this applicant has it: a 差し戻し names its 修正期限, an individual extension its own last day
     * (the general window's close would be wrong for them).
     */
    static String personalLabel(ApplicationWindow window, ApplicationSummary own, String general) {
        if (own.returned() && own.extendedUntil() != null) {
            return "修正依頼があります（修正期限：" + DEADLINE.format(own.extendedUntil()) + " 23:59）";
        }
        java.time.LocalDate last = ApplicationSummary.personalDeadline(window, own.extendedUntil());
        if (last == null) return general;
        return "受付期間：" + DEADLINE.format(window.opens()) + " 0:00 ~ " + DEADLINE.format(last) + " 23:59（個別に延長されています）";
    }

    private static final java.time.format.DateTimeFormatter DEADLINE = java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日");

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
