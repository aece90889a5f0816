package jp.nintei.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import jp.nintei.domain.AppClock;

/** The application clock (JST) that a test sets and moves by hand: the season's days pass in a millisecond. */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(ZonedDateTime start) { this.now = start.toInstant(); }

    /** 2026-… at hh:mm JST. */
    public static MovableClock at(int year, int month, int day, int hour, int minute) {
        return new MovableClock(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, AppClock.JST));
    }

    public void set(ZonedDateTime at) { now = at.toInstant(); }

    public void set(int year, int month, int day, int hour, int minute) {
        set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, AppClock.JST));
    }

    public void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return AppClock.JST; }

    @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }

    @Override public Instant instant() { return now; }
}
