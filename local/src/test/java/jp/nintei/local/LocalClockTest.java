package jp.nintei.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local clock (--now, the local bar, POST /__local/clock) reads the ways people write a moment. */
class LocalClockTest {
    static long epochOf(String text) {
        // the clock keeps running from the moment it is set: within a second of it
        return LocalGateway.clockAt(text).instant().getEpochSecond();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-10T09:00", "2026-06-10T09:00:00", "2026-06-10T09:00:00.000", "2026-06-10T09:00:00.250",
            "2026-06-10T09:00+09:00", "2026-06-10T09:00:00+0900", "2026-06-10T09:00:00.5+0900", "2026-06-10T00:00:00Z",
            "2026-06-10T00:00:00.000Z", "2026-06-10T09:00+09:00[Asia/Tokyo]", "２０２６－０６－１０Ｔ０９：００"})
    void readsMillisecondsAndBasicOffsets(String text) {
        long expected = Instant.parse("2026-06-10T00:00:00Z").getEpochSecond();
        long got = epochOf(text);
        assertEquals(expected, got, 1, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-10", "tomorrow", "2026-13-01T00:00"})
    void refusesWhatIsNoMoment(String text) {
        assertThrows(DateTimeParseException.class, () -> LocalGateway.clockAt(text));
    }
}
