package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Issue 12, points 4 and 5: unfinished upload slots never lock the applicant out; the one-file limit holds under load. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadLimitsTest {
    private final LocalSystem system;
    private final int year;

    UploadLimitsTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @BeforeAll
    void inApril() { clock.at(year + "-04-12T09:00"); }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    @Test
    void startedButUnfinishedUploadsAreReplacedNotALockOut() {
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        byte[] pdf = Samples.pdf();
        List<String> abandoned = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // the browser was closed (or the network dropped) after the slot: never PUT, never 登録
            Http.Response slot = a.slot("控え" + i + ".pdf", "application/pdf", pdf);
            assertEquals(201, slot.status(), "slot " + (i + 1) + ": " + slot.body());
            abandoned.add(slot.json().at("/document/id").asString());
        }
        String id = a.upload("振込控え.pdf", "application/pdf", pdf);
        JsonNode read = a.read();
        long registered = read.get("documents").valueStream().filter(d -> d.get("status").asString().equals("REGISTERED")).count();
        assertEquals(1, registered);
        assertTrue(read.get("documents").size() <= 5, "unfinished slots are bounded: " + read.get("documents"));
        assertEquals(404, a.register(abandoned.get(0)).status(), "the oldest unfinished slot was replaced");
        assertEquals(200, a.submit(read.get("version").asLong()).status(), "一次申請 can be completed");
        assertTrue(a.read().get("documents").valueStream().anyMatch(d -> d.get("id").asString().equals(id)));
    }

    @Test
    void twoRegistrationsAtTheSameMomentRegisterOneReceipt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Applicant a = new Applicant(system, TestMembers.create(system, false));
                a.save(0, "13", "14", "11");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    byte[] pdf = Samples.pdfPages(i + 1);
                    Http.Response slot = a.slot("控え" + i + ".pdf", "application/pdf", pdf);
                    assertEquals(201, slot.status(), slot.body());
                    assertEquals(200, Applicant.put(slot.json(), pdf));
                    ids.add(slot.json().at("/document/id").asString());
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Http.Response>> both = new ArrayList<>();
                for (String id : ids) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return a.register(id);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> f : both) statuses.add(f.get().status());
                statuses.sort(null);
                assertEquals(List.of(200, 409), statuses, "round " + round);
                long registered = a.read().get("documents").valueStream()
                        .filter(d -> d.get("status").asString().equals("REGISTERED")).count();
                assertEquals(1, registered, "round " + round + ": 申請料支払い控え is one file");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
