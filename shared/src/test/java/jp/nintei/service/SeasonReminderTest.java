package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.SpecialistStatus;
import org.junit.jupiter.api.Test;

/** docs/domain.md "Reminders": when each reminder is due and how it names the real last moment. */
class SeasonReminderTest {
    static final LocalDate LAST = LocalDate.of(2026, 6, 30);
    static final Member M = new Member("10000001", "緩和 一郎", "かんわ いちろう", "a@example.jp", LocalDate.of(2019, 4, 1),
            Set.of(2026), true, 20, false, false, SpecialistStatus.NONE);

    @Test
    void sevenDaysBeforeTheLastDayThenTheDayBeforeOrTheDayItself() {
        assertNull(SeasonService.reminderDue(LAST, LAST.minusDays(8)));
        assertEquals("7", SeasonService.reminderDue(LAST, LAST.minusDays(7)));
        assertEquals("7", SeasonService.reminderDue(LAST, LAST.minusDays(2)));
        assertEquals("1", SeasonService.reminderDue(LAST, LAST.minusDays(1)));
        assertEquals("1", SeasonService.reminderDue(LAST, LAST));
        assertNull(SeasonService.reminderDue(LAST, LAST.plusDays(1)));
    }

    @Test
    void theWordingNamesTheRealLastMoment() {
        var dayBefore = SeasonService.reminder(M, ApplicationKind.NEW_SECONDARY, LAST, LAST.minusDays(1), "1", 2026, false, Site.UNKNOWN);
        assertTrue(dayBefore.subject().endsWith("の受付は明日（6月30日 23:59）までです"), dayBefore.subject());
        assertTrue(dayBefore.body().contains("明日（6月30日 23:59）まで"), dayBefore.body());
        assertFalse(dayBefore.body().contains("ログイン画面"), "no address line when the stack has no custom domain");
        var lastDay = SeasonService.reminder(M, ApplicationKind.NEW_SECONDARY, LAST, LAST, "1", 2026, false, Site.UNKNOWN);
        assertTrue(lastDay.subject().endsWith("の受付は本日（6月30日 23:59）までです"), lastDay.subject());
        var week = SeasonService.reminder(M, ApplicationKind.NEW_SECONDARY, LAST, LAST.minusDays(7), "7", 2026, false, Site.UNKNOWN);
        assertTrue(week.subject().endsWith("の受付は7日後（6月30日 23:59）までです"), week.subject());
    }

    @Test
    void aMembersOwnLaterDeadlineIsTheirLastDay() {
        ApplicationWindow w = new ApplicationWindow(LocalDate.of(2026, 6, 1), LAST);
        assertEquals(LAST, SeasonService.lastDay(w, null));
        assertEquals(LocalDate.of(2026, 7, 7), SeasonService.lastDay(w, LocalDate.of(2026, 7, 7)));
        assertEquals(LAST, SeasonService.lastDay(w, LocalDate.of(2026, 6, 20)), "an extension before the close changes nothing");
    }
}
