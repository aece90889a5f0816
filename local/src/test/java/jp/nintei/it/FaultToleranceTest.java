package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.nintei.domain.AppClock;
import jp.nintei.local.LocalGateway;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * As AWS behaves under stress, through the fault layer ({@link Faults}) on the real stand-ins: writes the SDK
 * retries after they landed, throttling past the SDK's retries, unprocessed batch keys, S3's 403 for a missing key,
 * SES refusing. Nothing is lost or doubled, and every answer is one the page can show.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultToleranceTest {
    private final LocalSystem system;
    private final int year;

    FaultToleranceTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @BeforeAll
    void inApril() { AppClock.shiftForLocalRun(LocalGateway.clockAt(year + "-04-20T09:00")); }

    @AfterAll
    void backToNow() { AppClock.shiftForLocalRun(null); }

    @AfterEach
    void faultsOff() { Faults.clear(); }

    private Applicant applicant() { return new Applicant(system, TestMembers.create(system, false)); }

    @Test
    void aSaveTheSdkRetriedAfterItLandedIsASuccessNotAConflict() {
        Applicant a = applicant();
        assertEquals(200, a.save(0, "13").status());
        long version = a.read().get("version").asLong();
        try (var f = Faults.on(Faults.dynamo("UpdateItem", Faults.Kind.LATE_ANSWER_AFTER_WRITE).about(a.member.memberNo()).times(1))) {
            Http.Response r = a.save(version, "13", "14");
            assertEquals(1, f.hits());
            assertEquals(200, r.status(), r.body());
            assertEquals(version + 1, r.json().get("version").asLong());
        }
        var read = a.read();
        assertEquals(version + 1, read.get("version").asLong(), "applied once, not twice");
        assertEquals("14", read.at("/preferences/1").asString());
    }
}
