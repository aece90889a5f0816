package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.YearWindows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The year's windows are read at most once a minute per container; put() replaces them at once. */
class WindowCacheTest {

    /** A wall clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MutableClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return zone; }

        @Override public Clock withZone(ZoneId z) { return new MutableClock(now, z); }

        @Override public Instant instant() { return now; }
    }

    private MutableClock wall;
    private final List<Integer> loads = new ArrayList<>();
    private WindowCache cache;

    @BeforeEach
    void setUp() {
        wall = new MutableClock(Instant.parse("2026-04-10T01:00:00Z"), AppClock.JST);
        // every load answers a new object, so a reload can be told from a cached answer
        cache = new WindowCache(year -> {
            loads.add(year);
            return YearWindows.defaults(year);
        }, wall);
    }

    private static YearWindows custom(int year) {
        ApplicationWindow april = new ApplicationWindow(LocalDate.of(year, 4, 1), LocalDate.of(year, 5, 15));
        return new YearWindows(year, april, new ApplicationWindow(LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30)), april);
    }

    @Test
    void loadsOnceWithinSixtySeconds() {
        YearWindows first = cache.get(2026);
        assertEquals(List.of(2026), loads);
        assertEquals(YearWindows.defaults(2026), first);

        wall.advance(Duration.ofSeconds(1));
        assertSame(first, cache.get(2026));
        wall.advance(Duration.ofSeconds(58));
        assertSame(first, cache.get(2026));
        wall.advance(Duration.ofSeconds(1)); // exactly 60 s
        assertSame(first, cache.get(2026));
        assertEquals(List.of(2026), loads, "one load for every request within the minute");
    }

    @Test
    void reloadsAfterSixtyOneSeconds() {
        YearWindows first = cache.get(2026);
        wall.advance(Duration.ofSeconds(61));
        YearWindows second = cache.get(2026);
        assertNotSame(first, second);
        assertEquals(List.of(2026, 2026), loads);

        // and the fresh answer is kept for another minute, counted from the reload
        wall.advance(Duration.ofSeconds(30));
        assertSame(second, cache.get(2026));
        assertEquals(2, loads.size());
        wall.advance(Duration.ofSeconds(31));
        cache.get(2026);
        assertEquals(3, loads.size());
    }

    @Test
    void eachYearIsLoadedOnItsOwn() {
        cache.get(2026);
        cache.get(2027);
        cache.get(2026);
        cache.get(2027);
        assertEquals(List.of(2026, 2027), loads);
        assertEquals(2027, cache.get(2027).year());
    }

    @Test
    void putReplacesWithoutCallingTheLoader() {
        YearWindows mine = custom(2026);
        cache.put(mine);
        assertSame(mine, cache.get(2026));
        assertEquals(List.of(), loads, "put() must not read the store");
    }

    @Test
    void putReplacesACachedEntry() {
        cache.get(2026);
        YearWindows mine = custom(2026);
        wall.advance(Duration.ofSeconds(10));
        cache.put(mine);
        assertSame(mine, cache.get(2026));
        assertEquals(1, loads.size());
    }

    @Test
    void putStartsAFreshMinute() {
        cache.get(2026);
        wall.advance(Duration.ofSeconds(50));
        YearWindows mine = custom(2026);
        cache.put(mine);
        wall.advance(Duration.ofSeconds(50)); // 100 s after the load, 50 s after the put
        assertSame(mine, cache.get(2026));
        assertEquals(1, loads.size());
        wall.advance(Duration.ofSeconds(11)); // 61 s after the put
        assertEquals(YearWindows.defaults(2026), cache.get(2026));
        assertEquals(2, loads.size());
    }

    @Test
    void putOfOneYearLeavesAnotherAlone() {
        YearWindows y2026 = cache.get(2026);
        cache.put(custom(2027));
        assertSame(y2026, cache.get(2026));
        assertEquals(List.of(2026), loads);
    }
}
