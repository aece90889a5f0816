package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import jp.nintei.domain.YearWindows;

/**
 * The year's windows, kept per container for a minute, so that a save costs one DynamoDB request. The window
 * rule itself is exact (the server clock at the request); only a change of the dates by the secretariat takes
 * up to a minute to reach every container. Every full read refreshes the cache for free.
 */
public final class WindowCache {
    private static final Duration TTL = Duration.ofSeconds(60);

    private record Entry(YearWindows windows, Instant loadedAt) {}

    private final IntFunction<YearWindows> loader;
    private final Clock wall;
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    /** {@code wall} is the real clock (the cache's age), not the application clock. */
    public WindowCache(IntFunction<YearWindows> loader, Clock wall) {
        this.loader = loader;
        this.wall = wall;
    }

    public YearWindows get(int year) {
        Entry e = entries.get(year);
        Instant now = wall.instant();
        if (e == null || e.loadedAt().plus(TTL).isBefore(now)) {
            e = new Entry(loader.apply(year), now);
            entries.put(year, e);
        }
        return e.windows();
    }

    public void put(YearWindows windows) { entries.put(windows.year(), new Entry(windows, wall.instant())); }
}
