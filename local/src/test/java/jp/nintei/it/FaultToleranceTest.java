package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    FaultToleranceTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        InApril.applicantsDay(system, clock);
    }

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

    @Test
    void aSaveWhoseFirstAttemptLandedAndWhoseRetriesWereThrottledIsASuccessNotA503() {
        Applicant a = applicant();
        assertEquals(200, a.save(0, "13").status());
        String no = a.member.memberNo();
        Faults.Rule late = Faults.dynamo("UpdateItem", Faults.Kind.LATE_ANSWER_AFTER_WRITE).about(no).times(1);
        Faults.Rule throttled = Faults.dynamo("UpdateItem", Faults.Kind.THROTTLE).when(r -> late.hits() > 0 && r.toString().contains(no));
        try (var f = Faults.on(late, throttled)) {
            Http.Response r = a.save(1, "13", "14");
            assertTrue(throttled.hits() > 0, "the SDK's retries were throttled until it gave up");
            assertEquals(200, r.status(), "the first attempt landed: telling the applicant it failed would be untrue: " + r.body());
            assertEquals(2, r.json().get("version").asLong());
        }
        assertEquals(2, a.read().get("version").asLong());
        assertEquals(200, a.save(2, "13", "14", "27").status());
    }

    private static void assertUnavailable(Http.Response r) {
        assertEquals(503, r.status(), r.body());
        assertTrue(r.json().get("message").asString().contains("失われていません"), r.body());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("at jp."), "no stack trace: " + r.body());
    }

    @Test
    void whenDynamoDbThrottlesPastTheSdksRetriesASaveAnswers503AndNothingIsHalfWritten() {
        Applicant a = applicant();
        assertEquals(200, a.save(0, "13").status());
        try (var f = Faults.on(Faults.dynamo("UpdateItem", Faults.Kind.THROTTLE).about(a.member.memberNo()))) {
            assertUnavailable(a.save(1, "13", "14"));
            assertTrue(f.hits() > 1, "the SDK retried before giving up");
        }
        var read = a.read();
        assertEquals(1, read.get("version").asLong(), "the failed save changed nothing");
        assertEquals(200, a.save(1, "13", "14").status(), "and the same save goes through once DynamoDB recovers");
    }

    @Test
    void aDroppedConnectionOnEveryAttemptIs503NotA500() {
        Applicant a = applicant();
        try (var f = Faults.on(Faults.dynamo("BatchGetItem", Faults.Kind.DROPPED_CONNECTION).about(a.member.memberNo()))) {
            assertUnavailable(a.call("GET", Applicant.APP, null));
        }
        assertEquals(0, a.read().get("version").asLong());
    }

    @Test
    void keysLeftUnprocessedOnEveryTryMakeTheApplicantsRead503InsteadOfAnEmptyDraft() {
        Applicant a = applicant();
        assertEquals(200, a.save(0, "13", "14").status());
        try (var f = Faults.on(Faults.dynamo("BatchGetItem", Faults.Kind.UNPROCESSED))) {
            assertUnavailable(a.call("GET", Applicant.APP, null));
        }
        try (var f = Faults.on(Faults.dynamo("BatchGetItem", Faults.Kind.UNPROCESSED).times(4))) {
            var read = a.read(); // unprocessed a few times: retried with backoff until complete
            assertEquals(4, f.hits());
            assertEquals("14", read.at("/preferences/1").asString());
        }
    }

    @Test
    void registeringBeforeTheUploadFinishedIsUploadNotFinishedAlsoWhenS3Answers403() {
        Applicant a = applicant();
        byte[] pdf = Samples.pdf();
        Http.Response slot = a.slot("振込控え.pdf", "application/pdf", pdf);
        assertEquals(201, slot.status(), slot.body());
        String id = slot.json().at("/document/id").asString();
        try (var f = Faults.on(Faults.s3("GetObject", Faults.Kind.ACCESS_DENIED_FOR_MISSING))) {
            Http.Response r = a.register(id); // nothing PUT yet: S3 without s3:ListBucket says 403
            assertEquals(1, f.hits());
            assertEquals(409, r.status(), r.body());
            assertEquals("UPLOAD_NOT_FINISHED", r.json().get("code").asString());
        }
    }

    @Test
    void whenS3FailsRegistrationIs503AndTheSameRegistrationWorksAfterwards() {
        Applicant a = applicant();
        byte[] pdf = Samples.pdf();
        Http.Response slot = a.slot("振込控え.pdf", "application/pdf", pdf);
        assertEquals(200, Applicant.put(slot.json(), pdf));
        String id = slot.json().at("/document/id").asString();
        try (var f = Faults.on(Faults.s3("GetObject", Faults.Kind.SERVER_ERROR))) {
            assertUnavailable(a.register(id));
        }
        assertEquals(200, a.register(id).status());
    }

    private Applicant completeDraft() {
        Applicant a = applicant();
        a.save(0, "13", "14", "12");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        return a;
    }

    @Test
    void aStoredSubmitIs200WhenRecordingTheMailAsSentFails() {
        Applicant a = completeDraft();
        long version = a.read().get("version").asLong();
        // DynamoDB refuses the write that records the mail as sent, on every attempt
        try (var f = Faults.on(Faults.dynamo("UpdateItem", Faults.Kind.SERVER_ERROR).about(a.member.memberNo())
                .when(r -> r.toString().contains("S=SENT)")))) {
            Http.Response r = a.submit(version);
            assertTrue(f.hits() > 0);
            assertEquals(200, r.status(), r.body());
            assertEquals("SUBMITTED", r.json().get("status").asString());
        }
        assertEquals("SUBMITTED", a.read().get("status").asString());
        assertEquals(1, SesStore.mailsTo(system, a.member.email()).size());
    }

    @Test
    void aStoredSubmitIs200WhenTheAuditCannotBeWrittenAndTheScheduleWritesTheAuditLineOnceLater() {
        Applicant a = completeDraft();
        long version = a.read().get("version").asLong();
        try (var f = Faults.on(Faults.dynamo("BatchWriteItem", Faults.Kind.THROTTLE).about(a.member.memberNo()))) {
            Http.Response r = a.submit(version);
            assertTrue(f.hits() > 0);
            assertEquals(200, r.status(), r.body());
        }
        String staff = Secretariat.bearer(system);
        java.util.function.Supplier<Long> submittedLines = () -> Http.get(system.gateway().url() + "/api/admin/audit?memberNo="
                + a.member.memberNo(), staff).json().findValues("action").stream().filter(x -> x.asString().equals("SUBMITTED")).count();
        assertEquals(0L, submittedLines.get());
        new jp.nintei.functions.mail.MailRetryHandler().handleRequest(null, null);
        assertEquals(1L, submittedLines.get(), "the audit line is written by the schedule");
        new jp.nintei.functions.mail.MailRetryHandler().handleRequest(null, null);
        assertEquals(1L, submittedLines.get(), "and only once");
    }

    @Test
    void anImportWhoseBatchWritesComeBackUnprocessedManyTimesCompletesWithBackoff() {
        StringBuilder csv = new StringBuilder("会員番号,氏名,ふりがな,メールアドレス,入会日\r\n");
        for (int i = 0; i < 25; i++) csv.append(70000100 + i).append(",取込 試験").append(i).append(",とりこみ,imp").append(70000100 + i)
                .append("@example.jp,2018-04-01\r\n");
        String staff = Secretariat.bearer(system);
        try (var f = Faults.on(Faults.dynamo("BatchWriteItem", Faults.Kind.UNPROCESSED).times(9))) {
            Http.Response r = Http.send("POST", system.gateway().url() + "/api/admin/imports/members", staff, csv.toString());
            assertEquals(200, r.status(), r.body());
            assertEquals(9, f.hits());
        }
        for (int i : new int[] {0, 12, 24}) {
            Http.Response m = Http.get(system.gateway().url() + "/api/admin/applications/new-primary/" + (70000100 + i) + "?year=" + year, staff);
            assertEquals("APPLICATION_NOT_FOUND", m.json().get("code").asString(), "the member exists (it has no application yet)");
        }
    }

    @Test
    void whenSesThrottlesTheSubmitIs200AndTheRetrySendsTheMailOnce() {
        Applicant a = completeDraft();
        long version = a.read().get("version").asLong();
        try (var f = Faults.on(Faults.ses(Faults.Kind.THROTTLE))) {
            Http.Response r = a.submit(version);
            assertTrue(f.hits() > 1, "the SDK retried the throttled send");
            assertEquals(200, r.status(), r.body());
            assertEquals(false, r.json().get("mailSent").asBoolean());
        }
        assertEquals(0, SesStore.mailsTo(system, a.member.email()).size());
        clock.at(year + "-04-20T09:10");
        try {
            new jp.nintei.functions.mail.MailRetryHandler().handleRequest(null, null);
            new jp.nintei.functions.mail.MailRetryHandler().handleRequest(null, null);
        } finally {
            InApril.applicantsDay(system, clock);
        }
        assertEquals(1, SesStore.mailsTo(system, a.member.email()).size());
        assertEquals("SENT", a.read().get("mailState").asString());
    }
}
