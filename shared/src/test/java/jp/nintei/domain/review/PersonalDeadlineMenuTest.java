package jp.nintei.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.Member;
import jp.nintei.domain.Menu;
import jp.nintei.domain.MenuEntry;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.YearWindows;
import org.junit.jupiter.api.Test;

/** The menu shows the applicant's own deadline (individual extension or 修正期限) instead of the general window. */
class PersonalDeadlineMenuTest {
    private static final Member M = new Member("10000002", "認定 次郎", "にんてい じろう", "jiro@example.jp", LocalDate.of(2020, 4, 1),
            Set.of(2026), true, 20, false, false, SpecialistStatus.NONE);
    private static final ApplicationSummary PRIMARY = new ApplicationSummary(2026, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED,
            Instant.parse("2026-04-10T01:00:00Z"));

    private static MenuEntry secondary(ApplicationSummary own, String now) {
        ZonedDateTime at = java.time.LocalDateTime.parse(now).atZone(AppClock.JST);
        return Menu.entries(M, YearWindows.defaults(2026), List.of(PRIMARY, own), at).stream()
                .filter(e -> e.kind() == ApplicationKind.NEW_SECONDARY).findFirst().orElseThrow();
    }

    @Test
    void anExtensionShowsItsOwnLastDayWhileTheWindowIsOpenAndAfter() {
        ApplicationSummary extended = new ApplicationSummary(2026, ApplicationKind.NEW_SECONDARY, ApplicationStatus.DRAFT, null,
                LocalDate.of(2026, 7, 7));
        String label = "受付期間：2026年6月1日 0:00 ~ 2026年7月7日 23:59（個別に延長されています）";
        assertEquals(label, secondary(extended, "2026-06-20T10:00").text());
        assertEquals(label, secondary(extended, "2026-07-07T23:59").text());
        assertEquals(MenuEntry.State.CLOSED, secondary(extended, "2026-07-08T00:00").state());
    }

    @Test
    void anExtensionInsideTheWindowChangesNothing() {
        ApplicationSummary early = new ApplicationSummary(2026, ApplicationKind.NEW_SECONDARY, ApplicationStatus.DRAFT, null,
                LocalDate.of(2026, 6, 20));
        assertEquals("受付期間：2026年6月1日 0:00 ~ 2026年6月30日 23:59", secondary(early, "2026-06-10T10:00").text());
    }

    @Test
    void aSendBackNamesItsDeadline() {
        ApplicationSummary returned = new ApplicationSummary(2026, ApplicationKind.NEW_SECONDARY, ApplicationStatus.DRAFT, null,
                LocalDate.of(2026, 7, 15), true);
        MenuEntry e = secondary(returned, "2026-07-03T09:00");
        assertEquals(MenuEntry.State.OPEN, e.state());
        assertEquals("修正依頼があります（修正期限：2026年7月15日 23:59）", e.text());
        ApplicationSummary resubmitted = new ApplicationSummary(2026, ApplicationKind.NEW_SECONDARY, ApplicationStatus.SUBMITTED,
                Instant.parse("2026-07-05T01:00:00Z"), LocalDate.of(2026, 7, 15), false);
        assertEquals("申請済みです。", secondary(resubmitted, "2026-07-06T09:00").text());
    }
}
