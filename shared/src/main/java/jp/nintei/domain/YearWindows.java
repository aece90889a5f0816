package jp.nintei.domain;

import java.time.LocalDate;

/**
 * This year's windows. Defaults per year Y: primary (一次) 4/1–4/30, secondary (二次) 6/1–6/30. 更新申請 has
 * no date in the manual; it defaults to the primary window until the secretariat sets one.
 */
public record YearWindows(int year, ApplicationWindow primary, ApplicationWindow secondary, ApplicationWindow renewal) {

    public static YearWindows defaults(int year) {
        ApplicationWindow primary = new ApplicationWindow(LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 30));
        return new YearWindows(year, primary,
                new ApplicationWindow(LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30)), primary);
    }

    public ApplicationWindow windowFor(ApplicationKind kind) {
        return switch (kind.stage()) {
            case PRIMARY -> primary;
            case SECONDARY -> secondary;
            case RENEWAL -> renewal;
        };
    }
}
