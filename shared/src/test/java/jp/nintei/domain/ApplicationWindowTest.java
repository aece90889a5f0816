package jp.nintei.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationWindowTest {
    private static final ApplicationWindow APRIL =
            new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    private static ZonedDateTime jst(String local) { return LocalDateTime.parse(local).atZone(AppClock.JST); }

    @ParameterizedTest(name = "{0} – {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-04-01|2026-04-30|受付期間：2026年4月1日 0:00 ~ 2026年4月30日 23:59",
            "2026-06-01|2026-06-30|受付期間：2026年6月1日 0:00 ~ 2026年6月30日 23:59",
            "2026-10-01|2026-12-31|受付期間：2026年10月1日 0:00 ~ 2026年12月31日 23:59",
            "2026-12-25|2027-01-05|受付期間：2026年12月25日 0:00 ~ 2027年1月5日 23:59",
            "2026-04-15|2026-04-15|受付期間：2026年4月15日 0:00 ~ 2026年4月15日 23:59",
    })
    void labelAsTheManualShowsIt(LocalDate opens, LocalDate closes, String expected) {
        assertEquals(expected, new ApplicationWindow(opens, closes).label());
    }

    @ParameterizedTest(name = "{0} JST open={1}")
    @CsvSource({
            "2026-03-31T00:00:00,           false",
            "2026-03-31T23:59:59,           false",
            "2026-03-31T23:59:59.999999999, false",
            "2026-04-01T00:00:00,           true",
            "2026-04-01T00:00:00.000000001, true",
            "2026-04-15T12:34:56,           true",
            "2026-04-30T23:59:59,           true",
            "2026-04-30T23:59:59.999999999, true",
            "2026-05-01T00:00:00,           false",
            "2025-04-15T12:00:00,           false",
            "2027-04-15T12:00:00,           false",
    })
    void openFromOpensStartToClosesEndInclusive(String at, boolean open) {
        assertEquals(open, APRIL.isOpenAt(jst(at)));
    }

    @ParameterizedTest(name = "{0} open={1}")
    @CsvSource({
            "2026-03-31T14:59:59Z, false",
            "2026-03-31T15:00:00Z, true",
            "2026-04-30T14:59:59Z, true",
            "2026-04-30T15:00:00Z, false",
    })
    void judgedInJapanTimeWhateverTheZoneOfNow(String at, boolean open) {
        assertEquals(open, APRIL.isOpenAt(ZonedDateTime.parse(at)));
    }

    @Test
    void opensAndEndsInJapanTime() {
        assertEquals(ZonedDateTime.parse("2026-04-01T00:00:00+09:00[Asia/Tokyo]"), APRIL.opensAt());
        assertEquals(ZonedDateTime.parse("2026-05-01T00:00:00+09:00[Asia/Tokyo]"), APRIL.endsBefore());
    }

    @Test
    void aOneDayWindowIsOpenAllThatDay() {
        ApplicationWindow day = new ApplicationWindow(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 15));
        assertEquals(false, day.isOpenAt(jst("2026-04-14T23:59:59")));
        assertEquals(true, day.isOpenAt(jst("2026-04-15T00:00:00")));
        assertEquals(true, day.isOpenAt(jst("2026-04-15T23:59:59")));
        assertEquals(false, day.isOpenAt(jst("2026-04-16T00:00:00")));
    }

    @Test
    void rejectsClosesBeforeOpens() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ApplicationWindow(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 29)));
        assertEquals("window closes before it opens", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2025, 4, 30)));
        assertDoesNotThrow(() -> new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)));
    }

    @Test
    void rejectsMissingDates() {
        assertThrows(IllegalArgumentException.class, () -> new ApplicationWindow(null, LocalDate.of(2026, 4, 30)));
        assertThrows(IllegalArgumentException.class, () -> new ApplicationWindow(LocalDate.of(2026, 4, 1), null));
    }

    @Test
    void yearDefaults() {
        YearWindows w = YearWindows.defaults(2026);
        assertEquals(2026, w.year());
        assertEquals(APRIL, w.primary());
        assertEquals(new ApplicationWindow(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)), w.secondary());
        assertEquals(APRIL, w.renewal());
        assertEquals(w.primary(), w.windowFor(ApplicationKind.NEW_PRIMARY));
        assertEquals(w.primary(), w.windowFor(ApplicationKind.TRANSITION_PRIMARY));
        assertEquals(w.secondary(), w.windowFor(ApplicationKind.NEW_SECONDARY));
        assertEquals(w.secondary(), w.windowFor(ApplicationKind.TRANSITION_SECONDARY));
        assertEquals(w.renewal(), w.windowFor(ApplicationKind.RENEWAL));
    }
}
