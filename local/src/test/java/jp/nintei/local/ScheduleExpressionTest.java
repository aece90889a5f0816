package jp.nintei.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** Wednesday 2026-11-25 10:00 JST (01:00 UTC). */
    private static final ZonedDateTime AFTER = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, TOKYO);

    private static ZonedDateTime tokyo(String local) {
        return ZonedDateTime.parse(local + "+09:00[Asia/Tokyo]");
    }

    private static ZonedDateTime utc(String local) {
        return ZonedDateTime.parse(local + "Z[UTC]");
    }

    /** The next {@code n} firings after {@code from}, each one strictly after the one before. */
    private static List<ZonedDateTime> firings(ScheduleExpression e, ZonedDateTime from, int n) {
        List<ZonedDateTime> out = new ArrayList<>();
        ZonedDateTime t = from;
        for (int i = 0; i < n; i++) {
            t = e.next(t);
            out.add(t);
        }
        return out;
    }

    /** Compares instants and the wall-clock offset, not the zone id. */
    private static void assertAt(String expectedOffsetDateTime, ZonedDateTime actual) {
        assertEquals(OffsetDateTime.parse(expectedOffsetDateTime), actual.toOffsetDateTime()
                .withOffsetSameInstant(OffsetDateTime.parse(expectedOffsetDateTime).getOffset()));
    }

    // ---- Rate ----
    @Test
    void fiveMinutes() {
        ScheduleExpression e = ScheduleExpression.parse("rate(5 minutes)", null);
        assertEquals(AFTER.plusMinutes(5), e.next(AFTER));
    }

    @Test
    void oneHour() {
        ScheduleExpression e = ScheduleExpression.parse("rate(1 hour)", "UTC");
        assertEquals(AFTER.plusHours(1), e.next(AFTER));
    }

    @Test
    void oneDay() {
        ScheduleExpression e = ScheduleExpression.parse("rate(1 day)", "Asia/Tokyo");
        assertEquals(AFTER.plusDays(1), e.next(AFTER));
    }

    @Test
    void pluralUnitsAndSurroundingWhitespace() {
        assertEquals(Duration.ofHours(2), Duration.between(AFTER, ScheduleExpression.parse("  rate( 2 hours )  ", null).next(AFTER)));
        assertEquals(Duration.ofDays(7), Duration.between(AFTER, ScheduleExpression.parse("rate(7 days)", null).next(AFTER)));
        assertEquals(Duration.ofMinutes(1), Duration.between(AFTER, ScheduleExpression.parse("rate(1 minute)", null).next(AFTER)));
    }

    @Test
    void rateIsCountedFromTheGivenTimeNotAlignedToTheClock() {
        ZonedDateTime odd = tokyo("2026-11-25T10:03:17");
        assertEquals(tokyo("2026-11-25T10:08:17"), ScheduleExpression.parse("rate(5 minutes)", null).next(odd));
    }

    // ---- CronTimeZones ----
    @Test
    void utcIsTheDefaultSoFifteenHundredUtcIsMidnightJstNextDay() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 15 * * ? *)", null);
        ZonedDateTime next = e.next(AFTER);
        assertEquals(utc("2026-11-25T15:00"), next);
        assertAt("2026-11-26T00:00+09:00", next);
        assertEquals(utc("2026-11-26T15:00"), e.next(next));
    }

    @Test
    void blankTimezoneMeansUtc() {
        assertEquals(utc("2026-11-25T15:00"), ScheduleExpression.parse("cron(0 15 * * ? *)", " ").next(AFTER));
        assertEquals(utc("2026-11-25T15:00"), ScheduleExpression.parse("cron(0 15 * * ? *)", "UTC").next(AFTER));
    }

    @Test
    void tokyoFirstOfApril() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 0 1 4 ? *)", "Asia/Tokyo");
        ZonedDateTime next = e.next(tokyo("2026-11-25T00:00"));
        assertEquals(tokyo("2027-04-01T00:00"), next);
        assertAt("2027-04-01T00:00+09:00", next);
        assertEquals(utc("2027-03-31T15:00").toInstant(), next.toInstant());
        assertEquals(TOKYO, next.getZone());
        assertEquals(tokyo("2028-04-01T00:00"), e.next(next));
    }

    @Test
    void tokyoScheduleGivenAUtcTime() {
        // 2027-03-31T14:59Z is 23:59 JST on the 31st: the firing is one minute later
        ScheduleExpression e = ScheduleExpression.parse("cron(0 0 1 4 ? *)", "Asia/Tokyo");
        assertEquals(tokyo("2027-04-01T00:00"), e.next(utc("2027-03-31T14:59")));
    }

    @Test
    void tokyoLastMinuteOfApril30() {
        ScheduleExpression e = ScheduleExpression.parse("cron(59 23 30 4 ? *)", "Asia/Tokyo");
        ZonedDateTime next = e.next(tokyo("2026-11-25T00:00"));
        assertAt("2027-04-30T23:59+09:00", next);
        assertEquals(utc("2027-04-30T14:59").toInstant(), next.toInstant());
        assertEquals(tokyo("2027-04-30T23:59"), e.next(tokyo("2027-04-30T23:58:30")));
        assertEquals(tokyo("2028-04-30T23:59"), e.next(next));
    }

    // ---- CronFields ----
    @Test
    void weekdayNamesMonToFri() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)", "Asia/Tokyo");
        // Friday 2026-11-27 10:00 -> Monday 11-30 09:00
        assertEquals(tokyo("2026-11-30T09:00"), e.next(tokyo("2026-11-27T10:00")));
        List<DayOfWeek> days = firings(e, tokyo("2026-11-29T00:00"), 6).stream().map(ZonedDateTime::getDayOfWeek).toList();
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.MONDAY), days);
    }

    @Test
    void lowerCaseNamesAreAccepted() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 9 ? * mon-fri *)", "Asia/Tokyo");
        assertEquals(tokyo("2026-11-30T09:00"), e.next(tokyo("2026-11-27T10:00")));
    }

    @Test
    void dayOfWeekOneIsSunday() {
        ZonedDateTime sun = ScheduleExpression.parse("cron(0 0 ? * 1 *)", "Asia/Tokyo").next(AFTER);
        assertEquals(tokyo("2026-11-29T00:00"), sun);
        assertEquals(DayOfWeek.SUNDAY, sun.getDayOfWeek());
        assertEquals(DayOfWeek.SATURDAY, ScheduleExpression.parse("cron(0 0 ? * 7 *)", "Asia/Tokyo").next(AFTER).getDayOfWeek());
        assertEquals(DayOfWeek.MONDAY, ScheduleExpression.parse("cron(0 0 ? * 2 *)", "Asia/Tokyo").next(AFTER).getDayOfWeek());
        assertEquals(sun, ScheduleExpression.parse("cron(0 0 ? * SUN *)", "Asia/Tokyo").next(AFTER));
    }

    @Test
    void numericWeekdayRangeEqualsNames() {
        ScheduleExpression names = ScheduleExpression.parse("cron(30 8 ? * MON-FRI *)", "Asia/Tokyo");
        ScheduleExpression numbers = ScheduleExpression.parse("cron(30 8 ? * 2-6 *)", "Asia/Tokyo");
        assertEquals(firings(names, AFTER, 15), firings(numbers, AFTER, 15));
    }

    @Test
    void weekdayList() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 12 ? * SUN,WED *)", "Asia/Tokyo");
        assertEquals(List.of(tokyo("2026-11-25T12:00"), tokyo("2026-11-29T12:00"), tokyo("2026-12-02T12:00")),
                firings(e, AFTER, 3));
    }

    @Test
    void hourListAndRange() {
        assertEquals(List.of(tokyo("2026-11-25T12:00"), tokyo("2026-11-25T18:00"), tokyo("2026-11-26T08:00")),
                firings(ScheduleExpression.parse("cron(0 8,12,18 * * ? *)", "Asia/Tokyo"), AFTER, 3));
        assertEquals(List.of(tokyo("2026-11-25T10:30"), tokyo("2026-11-25T11:30"), tokyo("2026-11-26T09:30")),
                firings(ScheduleExpression.parse("cron(30 9-11 * * ? *)", "Asia/Tokyo"), AFTER, 3));
    }

    @Test
    void stepOnStar() {
        ScheduleExpression e = ScheduleExpression.parse("cron(*/15 * * * ? *)", null);
        assertEquals(List.of(utc("2026-11-25T01:15"), utc("2026-11-25T01:30"), utc("2026-11-25T01:45"), utc("2026-11-25T02:00")),
                firings(e, AFTER, 4));
    }

    @Test
    void stepFromAStartValueAndWithinARange() {
        assertEquals(List.of(utc("2026-11-25T01:05"), utc("2026-11-25T01:25"), utc("2026-11-25T01:45"), utc("2026-11-25T02:05")),
                firings(ScheduleExpression.parse("cron(5/20 * * * ? *)", null), AFTER, 4));
        assertEquals(List.of(utc("2026-11-25T01:10"), utc("2026-11-25T01:15"), utc("2026-11-25T01:20"), utc("2026-11-25T02:10")),
                firings(ScheduleExpression.parse("cron(10-20/5 * * * ? *)", null), AFTER, 4));
    }

    @Test
    void everyMinute() {
        assertEquals(utc("2026-11-25T01:01"), ScheduleExpression.parse("cron(* * * * ? *)", null).next(AFTER));
    }

    @Test
    void monthNamesAndLists() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 0 1 JAN,JUL ? *)", "Asia/Tokyo");
        assertEquals(List.of(tokyo("2027-01-01T00:00"), tokyo("2027-07-01T00:00"), tokyo("2028-01-01T00:00")),
                firings(e, AFTER, 3));
    }

    @Test
    void dayOfMonthSkipsMonthsWithoutThatDay() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 0 31 * ? *)", "Asia/Tokyo");
        assertEquals(List.of(tokyo("2026-12-31T00:00"), tokyo("2027-01-31T00:00"), tokyo("2027-03-31T00:00")),
                firings(e, AFTER, 3));
    }

    @Test
    void leapDay() {
        assertEquals(tokyo("2028-02-29T00:00"), ScheduleExpression.parse("cron(0 0 29 2 ? *)", "Asia/Tokyo").next(AFTER));
    }

    @Test
    void yearField() {
        assertEquals(tokyo("2028-01-01T00:00"), ScheduleExpression.parse("cron(0 0 1 1 ? 2028)", "Asia/Tokyo").next(AFTER));
        assertEquals(List.of(tokyo("2027-04-01T00:00"), tokyo("2029-04-01T00:00")),
                firings(ScheduleExpression.parse("cron(0 0 1 4 ? 2027,2029)", "Asia/Tokyo"), AFTER, 2));
        assertEquals(List.of(tokyo("2027-04-01T00:00"), tokyo("2028-04-01T00:00")),
                firings(ScheduleExpression.parse("cron(0 0 1 4 ? 2027-2028)", "Asia/Tokyo"), AFTER, 2));
    }

    @Test
    void aYearThatHasPassedNeverFiresAgain() {
        ScheduleExpression e = ScheduleExpression.parse("cron(0 0 1 1 ? 2026)", "Asia/Tokyo");
        assertThrows(IllegalStateException.class, () -> e.next(AFTER));
    }

    // ---- StrictlyAfter ----
    private static final ScheduleExpression NOON = ScheduleExpression.parse("cron(0 12 * * ? *)", "Asia/Tokyo");

    @Test
    void exactlyOnTheFiringMinuteReturnsTheFollowingOne() {
        assertEquals(tokyo("2026-11-26T12:00"), NOON.next(tokyo("2026-11-25T12:00")));
    }

    @Test
    void withinTheFiringMinuteReturnsTheFollowingOne() {
        assertEquals(tokyo("2026-11-26T12:00"), NOON.next(tokyo("2026-11-25T12:00:30")));
    }

    @Test
    void justBeforeTheFiringMinuteReturnsIt() {
        assertEquals(tokyo("2026-11-25T12:00"), NOON.next(tokyo("2026-11-25T11:59:59.999")));
    }

    @Test
    void everyMinuteNeverReturnsTheSameMinute() {
        ScheduleExpression e = ScheduleExpression.parse("cron(* * * * ? *)", null);
        ZonedDateTime t = utc("2026-11-25T01:00");
        assertEquals(utc("2026-11-25T01:01"), e.next(t));
        assertEquals(utc("2026-11-25T01:02"), e.next(e.next(t)));
    }

    @Test
    void firingsAreSecondAligned() {
        ZonedDateTime next = NOON.next(tokyo("2026-11-25T08:17:42.123"));
        assertEquals(0, next.getSecond());
        assertEquals(0, next.getNano());
    }

    // ---- Invalid expressions ----
    @ParameterizedTest
    @ValueSource(strings = {
        "cron(* * * *)",
        "rate(0 minutes)",
        "every day",
        "cron(0 0 L * ? *)",
        "",
        "cron()",
        "cron(0 0 * * ? * *)",
        "rate(-1 minutes)",
        "rate(x minutes)",
        "rate(5 weeks)",
        "rate(5 seconds)",
        "cron(60 0 * * ? *)",
        "cron(0 24 * * ? *)",
        "cron(0 0 0 * ? *)",
        "cron(0 0 32 * ? *)",
        "cron(0 0 * 0 ? *)",
        "cron(0 0 * 13 ? *)",
        "cron(0 0 ? * 0 *)",
        "cron(0 0 ? * 8 *)",
        "cron(0 0 ? * FRI-MON *)",
        "cron(0 0 ? * 2#1 *)",
        "cron(0 0 ? * 6L *)",
        "cron(0 0 15W * ? *)",
        "cron(0 0 LW * ? *)",
        "cron(0/0 * * * ? *)",
        "cron(a 0 * * ? *)",
        "cron(0 0 * FOO ? *)",
        "cron 0 0 * * ? *",
    })
    void throwsIllegalArgument(String expression) {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression, "Asia/Tokyo"));
    }

    /** PRODUCTION BUG: ScheduleExpression.parse reads p[1] without checking the unit is there (AIOOBE). */
    @Test
    void rateWithoutUnit() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(5)", null));
    }

    /** PRODUCTION BUG: the year field is only parsed inside next(), so a bad year passes parse(). */
    @Test
    void badYearIsRefusedByParse() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * * ? abc)", null));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 * * ? 2300)", null));
    }

    // ---- KnownLimitations ----
    /** The search stops five years ahead, so a valid far-future year reads as "never fires". */
    @Test
    void yearMoreThanFiveYearsAhead() {
        assertEquals(tokyo("2032-01-01T00:00"), ScheduleExpression.parse("cron(0 0 1 1 ? 2032)", "Asia/Tokyo").next(AFTER));
    }

    /** EventBridge Scheduler runs a schedule only once in the repeated hour when the clocks go back. */
    @Test
    void fallBackFiresOnce() {
        ScheduleExpression e = ScheduleExpression.parse("cron(30 1 * * ? *)", "America/New_York");
        ZonedDateTime first = e.next(ZonedDateTime.parse("2026-11-01T00:00-04:00[America/New_York]"));
        assertEquals(ZonedDateTime.parse("2026-11-02T01:30-05:00[America/New_York]"), e.next(first));
    }
}
