package jp.nintei.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one clock of the system, always Japan time (Asia/Tokyo, no DST).
 *
 * <p>Production uses the system clock. Only the local runner may shift it (so a reviewer can walk
 * April and June on one day); Lambda never calls {@link #shiftForLocalRun}. Handlers take a
 * {@link Clock} in their constructor; their no-arg constructors pass {@link #process()}, which reads
 * the shift at every call so a change made while the local stack runs takes effect at once.
 */
public final class AppClock {
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private static volatile Clock localOverride;

    private static final Clock PROCESS = new Clock() {
        @Override public ZoneId getZone() { return JST; }
        @Override public Clock withZone(ZoneId zone) { return current().withZone(zone); }
        @Override public Instant instant() { return current().instant(); }
    };

    private AppClock() {}

    /** The clock handlers use: the system clock in JST unless the local runner shifted it. */
    public static Clock process() { return PROCESS; }

    public static Clock system() { return Clock.system(JST); }

    /** A clock that starts at {@code now} and keeps running. */
    public static Clock startingAt(ZonedDateTime now) {
        Clock base = system();
        return Clock.offset(base, java.time.Duration.between(base.instant(), now.toInstant()));
    }

    public static Clock fixed(ZonedDateTime at) { return Clock.fixed(at.toInstant(), JST); }

    /** Local runner only: shift "now" for every handler in this JVM; {@code null} resets. */
    public static void shiftForLocalRun(Clock clock) { localOverride = clock; }

    public static boolean isShifted() { return localOverride != null; }

    private static Clock current() {
        Clock c = localOverride;
        return c != null ? c : Clock.system(JST);
    }

    public static ZonedDateTime now(Clock clock) { return ZonedDateTime.now(clock).withZoneSameInstant(JST); }
}
