package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.List;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoCaseActionStore;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoSeasonStore;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.functions.schedule.SeasonHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.SeasonService;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The season's schedule at the edges, with a fixed clock, in NEXT year's season (so the other tests' drafts of
 * this year are untouched): open, reminders 7 days and 1 day before (once each), close at 23:59:59 vs 00:00:00.
 */
@LocalStack
class SeasonScheduleTest {
    private final LocalSystem system;
    private final int next;

    SeasonScheduleTest(LocalSystem system) {
        this.system = system;
        this.next = system.demo().year() + 1;
    }

    private SeasonService at(DynamoDbClient dynamo, String jst) { return SeasonServices.at(dynamo, jst); }

    /** As EventBridge runs it: through the function's handler (so the policy-coverage check sees its calls). */
    private static void scheduled(SeasonService season) {
        new SeasonHandler(season).handleRequest(new ScheduledEvent(), null);
    }

    private static int mails(LocalSystem system, String address, String subjectPart) {
        return (int) SesStore.mailsTo(system, address).stream().filter(m -> m.toString().contains(subjectPart)).count();
    }

    @Test
    void openRemindTwiceAtMostCloseAtMidnight() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            ApplicationStore apps = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
            Member drafting = TestMembers.create(system, false);
            Member submitted = TestMembers.create(system, false);
            ApplicationKey draftKey = new ApplicationKey(drafting.memberNo(), next, ApplicationKind.NEW_PRIMARY);
            ApplicationKey doneKey = new ApplicationKey(submitted.memberNo(), next, ApplicationKind.NEW_PRIMARY);
            apps.saveDraft(draftKey, 0, List.of("13"), java.time.Instant.now());
            apps.saveDraft(doneKey, 0, List.of("13"), java.time.Instant.now());
            apps.submit(doneKey, 1, "P" + next + "-" + submitted.memberNo(), "m", java.time.Instant.now());

            assertEquals(List.of("PRIMARY BEFORE", "SECONDARY BEFORE"), at(dynamo, next + "-03-31T23:59:59").run().transitions());
            SeasonService.Outcome open = at(dynamo, next + "-04-01T00:00:00").run();
            assertEquals(List.of("PRIMARY OPEN"), open.transitions());
            assertEquals(0, open.remindersSent());
            assertEquals(List.of(), at(dynamo, next + "-04-01T00:15:00").run().transitions(), "recorded once");

            assertEquals(0, at(dynamo, next + "-04-22T23:59:59").run().remindersSent(), "not yet 7 days before");
            String subject7 = "の受付は7日後（4月30日 23:59）までです";
            scheduled(at(dynamo, next + "-04-23T00:00:00"));
            assertEquals(1, mails(system, drafting.email(), subject7));
            scheduled(at(dynamo, next + "-04-24T00:15:00"));
            scheduled(at(dynamo, next + "-04-25T09:00:00"));
            assertEquals(1, mails(system, drafting.email(), subject7), "the 7-day reminder is sent once");
            assertEquals(0, mails(system, submitted.email(), subject7), "no reminder after submitting");

            scheduled(at(dynamo, next + "-04-29T00:00:00"));
            scheduled(at(dynamo, next + "-04-30T12:00:00"));
            assertEquals(1, mails(system, drafting.email(), "の受付は明日（4月30日 23:59）までです"), "the 1-day reminder is sent once");

            SeasonService.Outcome lastSecond = at(dynamo, next + "-04-30T23:59:59").run();
            assertEquals(List.of(), lastSecond.transitions());
            assertEquals(0, lastSecond.markedNotSubmitted(), "at 23:59:59 the window is still open");

            SeasonService.Outcome closed = at(dynamo, next + "-05-01T00:00:00").run();
            assertEquals(List.of("PRIMARY CLOSED"), closed.transitions());
            assertEquals(1, closed.markedNotSubmitted());
            var after = new DynamoApplicationLists(dynamo, Bootstrap.TABLE).primaries(next, ApplicationKind.NEW_PRIMARY,
                    List.of(drafting.memberNo(), submitted.memberNo()));
            assertEquals("NOT_SUBMITTED", after.get(drafting.memberNo()).status().name());
            assertEquals("SUBMITTED", after.get(submitted.memberNo()).status().name());
            String summary = SesStore.mailsTo(system, "office@example.jp").stream().map(Object::toString)
                    .filter(m -> m.contains(next + "年度")).findFirst().orElseThrow();
            assertTrue(summary.contains("申請済：1件") && summary.contains("未提出（下書きのまま終了）：1件"), summary);
            assertEquals(0, at(dynamo, next + "-05-01T00:15:00").run().markedNotSubmitted(), "closing happens once");

            // an extension given after the close makes the 未提出 draft a draft again, which its owner can save
            var admin = new DynamoApplicationLists(dynamo, Bootstrap.TABLE);
            new DynamoCaseActionStore(dynamo, Bootstrap.TABLE).extend(draftKey, java.time.LocalDate.of(next, 5, 7), "入院のため", "90000001", java.time.Instant.now());
            assertEquals("DRAFT", admin.primaries(next, ApplicationKind.NEW_PRIMARY, List.of(drafting.memberNo()))
                    .get(drafting.memberNo()).status().name());
            assertEquals(2, apps.saveDraft(draftKey, 1, List.of("13", "14"), java.time.Instant.now()));

            // the secretariat moves the close date later after the close: the window opens again (recorded once)
            // and what the close marked 未提出 is a draft again
            Member late = TestMembers.create(system, false);
            ApplicationKey lateKey = new ApplicationKey(late.memberNo(), next, ApplicationKind.NEW_PRIMARY);
            apps.saveDraft(lateKey, 0, List.of("01"), java.time.Instant.now());
            new DynamoSeasonStore(dynamo, Bootstrap.TABLE).markNotSubmitted(lateKey, java.time.Instant.now());
            var members = new jp.nintei.adapter.dynamo.DynamoMemberStore(dynamo, Bootstrap.TABLE);
            var defaults = jp.nintei.domain.YearWindows.defaults(next);
            try {
                members.putWindows(new jp.nintei.domain.YearWindows(next, new jp.nintei.domain.ApplicationWindow(
                        java.time.LocalDate.of(next, 4, 1), java.time.LocalDate.of(next, 5, 10)), defaults.secondary(), defaults.renewal()));
                assertEquals(List.of("PRIMARY OPEN"), at(dynamo, next + "-05-02T09:00:00").run().transitions());
                assertEquals("DRAFT", admin.primaries(next, ApplicationKind.NEW_PRIMARY, List.of(late.memberNo()))
                        .get(late.memberNo()).status().name());
            } finally {
                members.putWindows(defaults);
            }
        }
    }
}
