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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An applicant with their own later deadline (an individual extension) is not told the window's close: they are
 * reminded of their own last day, once. Runs in the season four years ahead, so no other test's drafts or summaries are touched.
 */
@LocalStack
class PersonalDeadlineReminderTest {
    private final LocalSystem system;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private final int year;

    PersonalDeadlineReminderTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year() + 4; // a season of its own: other schedule tests close theirs (summaries would mix)
    }

    private SeasonService at(DynamoDbClient dynamo, String jst) { return SeasonServices.at(dynamo, year + "-" + jst); }

    private int reminders(Member m) {
        return (int) SesStore.mailsTo(system, m.email()).stream().filter(x -> x.toString().contains("までです")).count();
    }

    @Test
    void theExtendedApplicantIsRemindedOfTheirOwnLastDayOnly() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            var apps = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
            Member plain = TestMembers.create(system, false);
            Member extended = TestMembers.create(system, false);
            apps.saveDraft(new ApplicationKey(plain.memberNo(), year, ApplicationKind.NEW_PRIMARY), 0, List.of("13"), Instant.now());
            ApplicationKey key = new ApplicationKey(extended.memberNo(), year, ApplicationKind.NEW_PRIMARY);
            apps.saveDraft(key, 0, List.of("13"), Instant.now());
            new DynamoCaseActionStore(dynamo, Bootstrap.TABLE).extend(key, LocalDate.of(year, 5, 10), "入院のため", "90000001", Instant.now());

            at(dynamo, "04-01T00:10").run();
            at(dynamo, "04-24T09:00").run();
            assertEquals(1, reminders(plain), "the window's 7-day reminder");
            assertEquals(0, reminders(extended), "not told the window's close: theirs is later");

            at(dynamo, "05-01T00:05").run(); // the window closes; the extended draft is spared
            at(dynamo, "05-09T10:00").run();
            at(dynamo, "05-09T10:15").run();
            assertEquals(1, reminders(extended), "reminded once, the day before their own last day");
            String mail = SesStore.mailsTo(system, extended.email()).stream().filter(x -> x.toString().contains("までです"))
                    .findFirst().orElseThrow().toString();
            assertTrue(mail.contains(year + "年5月10日 23:59") && mail.contains("あなたの申請期限"), mail);
        }
    }

    @Test
    void anExtensionIsMailedAndShownOnTheMenuWithItsOwnDate() {
        int now = system.demo().year();
        clock.at(now + "-05-03T10:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        String staff = "Bearer " + Http.idToken(system.gateway().url(), jp.nintei.local.DemoData.SECRETARIAT_NO,
                jp.nintei.local.DemoData.PASSWORD);
        Http.Response r = Http.send("POST", system.gateway().url() + "/api/admin/applications/new-primary/" + a.member.memberNo()
                + "/extension", staff, "{\"year\":\"" + now + "\",\"until\":\"" + now + "-05-07\",\"reason\":\"入院のため\"}");
        assertEquals(200, r.status(), r.body());
        String mail = SesStore.mailsTo(system, a.member.email()).get(0).toString();
        assertTrue(mail.contains(now + "年5月7日 23:59") && mail.contains("申請期限"), mail);
        String menu = Http.get(a.gateway + "/api/me", a.token).json().at("/menu/0/text").asString();
        assertEquals("受付期間：" + now + "年4月1日 0:00 ~ " + now + "年5月7日 23:59（個別に延長されています）", menu);
    }
}
