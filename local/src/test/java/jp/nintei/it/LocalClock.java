package jp.nintei.it;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import jp.nintei.domain.AppClock;
import jp.nintei.local.LocalGateway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local stack's "now" for a test class: {@link #at} shifts it (as {@code ./run-local.sh --now} does) and
 * the extension always puts it back, whatever the test did, so no test leaves the next one in April. Shifted
 * in a {@code @BeforeAll} (a {@code PER_CLASS} test), that time is the class's own: each test starts from it
 * and the real clock returns after the class. Shifted in a test or a {@code @BeforeEach}, it holds for that
 * test only. Register it on the instance:
 * <pre>{@code @RegisterExtension final LocalClock clock = new LocalClock();
 * @BeforeAll void inApril() { clock.at(year + "-04-10T10:00"); }}</pre>
 * Services and handlers a test builds by hand take a {@link #fixedAt fixed clock} instead.
 */
public final class LocalClock implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private boolean inTest;
    private Clock classClock; // shifted outside a test (@BeforeAll): where every test of the class starts

    /** Shifts "now" to a JST wall-clock time such as {@code 2026-04-10T10:00}; the clock keeps running from there. */
    public void at(String jst) {
        Clock shifted = LocalGateway.clockAt(jst);
        if (!inTest) classClock = shifted;
        AppClock.shiftForLocalRun(shifted);
    }

    /** Back to the class's time (or the real time); the extension does this after each test anyway. */
    public void reset() { AppClock.shiftForLocalRun(classClock); }

    @Override
    public void beforeEach(ExtensionContext context) { inTest = true; }

    /** Runs {@code work} with "now" at {@code jst} and puts the real clock back, e.g. in a constructor. */
    public static <T> T during(String jst, Callable<T> work) throws Exception {
        AppClock.shiftForLocalRun(LocalGateway.clockAt(jst));
        try {
            return work.call();
        } finally {
            AppClock.shiftForLocalRun(null);
        }
    }

    /** A clock standing still at a JST wall-clock time, for a service or handler built with its own clock. */
    public static Clock fixedAt(String jst) { return AppClock.fixed(LocalDateTime.parse(jst).atZone(AppClock.JST)); }

    @Override
    public void afterEach(ExtensionContext context) {
        inTest = false;
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        classClock = null;
        AppClock.shiftForLocalRun(null);
    }
}
