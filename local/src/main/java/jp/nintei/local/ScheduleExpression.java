package jp.nintei.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge schedule expressions: {@code rate(5 minutes)} and {@code cron(min hour day-of-month month
 * day-of-week year)} in the schedule's time zone (UTC unless ScheduleExpressionTimezone says otherwise).
 * Supports {@code * ? , - /}, month and weekday names; {@code L}, {@code W} and {@code #} are refused.
 */
public final class ScheduleExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final Duration rate;
    private final BitSet minutes, hours, daysOfMonth, months, daysOfWeek, years;
    private final boolean anyDayOfMonth, anyDayOfWeek;
    private final ZoneId zone;

    private ScheduleExpression(Duration rate, String[] f, ZoneId zone) {
        this.rate = rate;
        this.zone = zone;
        if (f == null) {
            minutes = hours = daysOfMonth = months = daysOfWeek = null;
            years = null;
            anyDayOfMonth = anyDayOfWeek = true;
            return;
        }
        minutes = field(f[0], 0, 59, null);
        hours = field(f[1], 0, 23, null);
        daysOfMonth = field(f[2], 1, 31, null);
        months = field(f[3], 1, 12, MONTHS);
        daysOfWeek = field(f[4], 1, 7, DAYS);
        anyDayOfMonth = f[2].equals("*") || f[2].equals("?");
        anyDayOfWeek = f[4].equals("*") || f[4].equals("?");
        years = field(f[5], 1970, 2199, null);
    }

    public static ScheduleExpression parse(String expression, String timezone) {
        String e = expression.strip();
        ZoneId zone = ZoneId.of(timezone == null || timezone.isBlank() ? "UTC" : timezone);
        if (e.startsWith("rate(") && e.endsWith(")")) {
            String[] p = e.substring(5, e.length() - 1).strip().split("\\s+");
            if (p.length != 2) throw new IllegalArgumentException("rate needs a value and a unit: " + e);
            long n;
            try {
                n = Long.parseLong(p[0]);
            } catch (NumberFormatException x) {
                throw new IllegalArgumentException("rate value is not a number: " + e);
            }
            if (n <= 0) throw new IllegalArgumentException("rate must be positive: " + e);
            String unit = p[1].toLowerCase(Locale.ROOT);
            Duration d = unit.startsWith("minute") ? Duration.ofMinutes(n)
                    : unit.startsWith("hour") ? Duration.ofHours(n)
                    : unit.startsWith("day") ? Duration.ofDays(n) : null;
            if (d == null) throw new IllegalArgumentException("unknown rate unit: " + e);
            return new ScheduleExpression(d, null, zone);
        }
        if (e.startsWith("cron(") && e.endsWith(")")) {
            String[] f = e.substring(5, e.length() - 1).strip().split("\\s+");
            if (f.length != 6) throw new IllegalArgumentException("cron needs 6 fields: " + e);
            return new ScheduleExpression(null, f, zone);
        }
        throw new IllegalArgumentException("not a schedule expression: " + e);
    }

    /** The first firing strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        if (rate != null) return after.plus(rate);
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (t.getYear() <= 2199) {
            if (!years.get(t.getYear())) {
                t = t.withDayOfYear(1).withHour(0).withMinute(0).plusYears(1);
                continue;
            }
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.withHour(0).withMinute(0).plusDays(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.withMinute(0).plusHours(1);
                continue;
            }
            // in a repeated (DST fall-back) hour fire once, on the first pass, as EventBridge Scheduler does
            if (minutes.get(t.getMinute()) && t.equals(t.withEarlierOffsetAtOverlap())) return t;
            t = t.plusMinutes(1);
        }
        throw new IllegalStateException("schedule never fires");
    }

    private boolean dayMatches(ZonedDateTime t) {
        int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1; // EventBridge: 1 = SUN
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean wd = daysOfWeek.get(dow);
        if (anyDayOfMonth && anyDayOfWeek) return true;
        if (anyDayOfMonth) return wd;
        if (anyDayOfWeek) return dom;
        return dom && wd;
    }

    private static BitSet field(String spec, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.toUpperCase(Locale.ROOT).split(",")) {
            if (part.contains("L") && names == null || part.contains("#") || part.endsWith("W")) {
                throw new IllegalArgumentException("unsupported cron field: " + spec);
            }
            try {
                parsePart(bits, part, min, max, names, spec);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad cron field: " + spec);
            }
        }
        return bits;
    }

    private static void parsePart(BitSet bits, String part, int min, int max, List<String> names, String spec) {
        {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int lo, hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] r = range.split("-");
                lo = value(r[0], names, min);
                hi = value(r[1], names, min);
            } else {
                lo = value(range, names, min);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi || step <= 0) throw new IllegalArgumentException("bad cron field: " + spec);
            for (int v = lo; v <= hi; v += step) bits.set(v);
        }
    }

    private static int value(String s, List<String> names, int min) {
        if (names != null && names.contains(s)) return names.indexOf(s) + min;
        return Integer.parseInt(s);
    }
}
