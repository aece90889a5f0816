package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoCaseActionStore;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.SeasonService;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * docs/domain.md "Reminders", in the season three years ahead (no other test's drafts): the wording names the real last
 * moment, the 7-day reminder comes 7 days before the last day, the last one the day before (「明日」) or on the last
 * day (「本日」), and a member with their own later deadline is reminded of that one.
 */
@LocalStack
class ReminderScheduleTest {
    private final LocalSystem system;
    private final int season;

    ReminderScheduleTest(LocalSystem system) {
        this.system = system;
        this.season = system.demo().year() + 3; // a season of its own: SeasonCloseResumeTest has +2, PersonalDeadlineReminderTest +4
    }

    private SeasonService at(DynamoDbClient dynamo, String jst) { return SeasonServices.at(dynamo, season + "-" + jst); }

    private List<String> subjects(Member m) {
        return SesStore.mailsTo(system, m.email()).stream().map(Object::toString).filter(s -> s.contains("の受付は")).toList();
    }

    private static boolean any(List<String> mails, String part) { return mails.stream().anyMatch(m -> m.contains(part)); }

    @Test
    void remindersNameTheRealLastMomentAndEachMembersOwnDeadline() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            ApplicationStore apps = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
            Member general = TestMembers.create(system, false);
            Member extended = TestMembers.create(system, false);
            for (Member m : List.of(general, extended)) {
                apps.saveDraft(new ApplicationKey(m.memberNo(), season, ApplicationKind.NEW_PRIMARY), 0, List.of("13"), Instant.now());
            }
            new DynamoCaseActionStore(dynamo, Bootstrap.TABLE).extend(new ApplicationKey(extended.memberNo(), season,
                    ApplicationKind.NEW_PRIMARY), LocalDate.of(season, 5, 7), "入院のため", "90000001", Instant.now());

            at(dynamo, "04-01T00:00:00").run();
            at(dynamo, "04-22T23:45:00").run();
            assertEquals(List.of(), subjects(general), "8 days before the last day: no reminder yet");

            at(dynamo, "04-23T00:00:00").run();
            assertTrue(any(subjects(general), "の受付は7日後（4月30日 23:59）までです"), subjects(general).toString());
            assertTrue(any(subjects(general), system.gateway().url() + "/"), "the reminder names the page: " + subjects(general));
            assertEquals(List.of(), subjects(extended), "the extended member's last day is 5月7日");

            at(dynamo, "04-29T09:00:00").run();
            List<String> g = subjects(general);
            assertTrue(any(g, "の受付は明日（4月30日 23:59）までです"), g.toString());
            at(dynamo, "04-30T09:00:00").run();
            assertEquals(2, subjects(general).size(), "each reminder at most once; none says 明日 on the last day");

            assertTrue(any(subjects(extended), "の受付は7日後（5月7日 23:59）までです"), subjects(extended).toString());
            at(dynamo, "05-01T00:00:00").run();
            at(dynamo, "05-06T09:00:00").run();
            List<String> e = subjects(extended);
            assertTrue(any(e, "の受付は明日（5月7日 23:59）までです"), "reminded of their own deadline after the general close: " + e);
            assertEquals(2, e.size(), e.toString());
            assertTrue(e.stream().noneMatch(x -> x.contains("4月30日")), "never the general deadline: " + e);

        }
    }
}
