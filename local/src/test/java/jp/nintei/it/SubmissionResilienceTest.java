package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.nintei.functions.mail.MailRetryHandler;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A submission is never lost because mail failed, and never made twice however often it is sent. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionResilienceTest {
    private final LocalSystem system;
    private final int year;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    SubmissionResilienceTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        InApril.applicantsDay(system, clock);
    }

    private Applicant completeDraft() {
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "12");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        return a;
    }

    @Test
    void whenSesIsDownTheSubmissionStandsAndTheScheduleSendsTheMailOnceItIsBack() throws Exception {
        Applicant a = completeDraft();
        long version = a.read().get("version").asLong();
        system.aws().stopSes();
        JsonNode s;
        try {
            Http.Response r = a.submit(version);
            assertEquals(200, r.status(), r.body());
            s = r.json();
            assertEquals("SUBMITTED", s.get("status").asString());
            assertFalse(s.get("mailSent").asBoolean());
            assertEquals("PENDING", a.read().get("mailState").asString());
            // the schedule runs while SES is still down: the mail stays pending
            assertEquals(0, new MailRetryHandler().handleRequest(null, null).get("sent"));
        } finally {
            system.aws().startSes();
        }
        // the retry leaves the first minute to the submitting handler
        clock.at(year + "-04-20T09:03");
        var runner = system.schedules();
        var retry = runner.schedules().stream().filter(x -> x.function().equals("MailRetryFunction")).findFirst().orElseThrow();
        runner.fire(retry); // as EventBridge would, through the template's schedule
        List<JsonNode> mails = SesStore.mailsTo(system, a.member.email());
        assertEquals(1, mails.size());
        assertEquals("SENT", a.read().get("mailState").asString());
        assertEquals(s.get("receiptNo").asString(), a.read().get("receiptNo").asString());

        // later runs find nothing pending: no second mail
        new MailRetryHandler().handleRequest(null, null);
        assertEquals(1, SesStore.mailsTo(system, a.member.email()).size());
        InApril.applicantsDay(system, clock);
    }

    @Test
    void twentyParallelSubmitsMakeOneSubmissionAndOneMail() throws Exception {
        Applicant a = completeDraft();
        long version = a.read().get("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Http.Response> submit = () -> {
                    start.await();
                    return a.submit(version);
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            Set<String> receipts = new HashSet<>();
            Set<String> times = new HashSet<>();
            for (Future<Http.Response> f : results) {
                Http.Response r = f.get();
                assertEquals(200, r.status(), r.body());
                receipts.add(r.json().get("receiptNo").asString());
                times.add(r.json().get("submittedAt").asString());
            }
            assertEquals(Set.of("P" + year + "-" + a.member.memberNo()), receipts);
            assertEquals(1, times.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, SesStore.mailsTo(system, a.member.email()).size());
    }
}
