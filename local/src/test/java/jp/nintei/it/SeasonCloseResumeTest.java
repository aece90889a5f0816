package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoCaseActionStore;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import jp.nintei.service.SeasonService;
import jp.nintei.port.ApplicationKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The close is idempotent and resumable: a run cut off part-way (DynamoDB failing, SES refusing) leaves its work
 * to the next run, which finishes it; the summary goes out once; a draft spared by an extension is marked 未提出
 * by the first run after the extension ends. In the season two years ahead, so no other test's data is touched.
 */
@LocalStack
class SeasonCloseResumeTest {
    private final LocalSystem system;
    private final int year;

    SeasonCloseResumeTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year() + 2;
    }

    @AfterEach
    void faultsOff() { Faults.clear(); }

    private SeasonService at(DynamoDbClient dynamo, String jst) { return SeasonServices.at(dynamo, jst); }

    private int summaries(String closeDay) {
        return (int) SesStore.mailsTo(system, "office@example.jp").stream().map(Object::toString)
                .filter(m -> m.contains(year + "年度") && m.contains(closeDay)).count();
    }

    private String status(DynamoDbClient dynamo, Member m) {
        return new DynamoApplicationLists(dynamo, Bootstrap.TABLE).primaries(year, ApplicationKind.NEW_PRIMARY, List.of(m.memberNo()))
                .get(m.memberNo()).status().name();
    }

    @Test
    void aCloseCutOffPartWayIsFinishedByTheNextRunAndAnEndedExtensionIsMarkedToo() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            var apps = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
            Member first = TestMembers.create(system, false);
            Member second = TestMembers.create(system, false);
            Member third = TestMembers.create(system, false);
            Member extended = TestMembers.create(system, false);
            for (Member m : List.of(first, second, third, extended)) {
                apps.saveDraft(new ApplicationKey(m.memberNo(), year, ApplicationKind.NEW_PRIMARY), 0, List.of("13"), Instant.now());
            }
            new DynamoCaseActionStore(dynamo, Bootstrap.TABLE).extend(new ApplicationKey(extended.memberNo(), year, ApplicationKind.NEW_PRIMARY),
                    LocalDate.of(year, 5, 3), "入院のため", "90000001", Instant.now());
            at(dynamo, year + "-03-31T23:00:00").run();
            assertEquals(List.of("PRIMARY OPEN"), at(dynamo, year + "-04-01T00:00:00").run().transitions());

            // the close's run dies on the second draft (DynamoDB fails to mark it on every attempt)
            try (var f = Faults.on(Faults.dynamo("UpdateItem", Faults.Kind.SERVER_ERROR).about(second.memberNo())
                    .when(r -> r.toString().contains("NOT_SUBMITTED")))) {
                assertThrows(RuntimeException.class, () -> at(dynamo, year + "-05-01T00:00:00").run());
            }
            assertEquals("DRAFT", status(dynamo, second));
            assertEquals(0, summaries("4月30日"), "the cut-off run sent no summary");

            // the next run finishes the work: every draft 未提出 but the extended one, and the summary once
            SeasonService.Outcome next = at(dynamo, year + "-05-01T00:15:00").run();
            assertEquals(List.of(), next.transitions());
            for (Member m : List.of(first, second, third)) assertEquals("NOT_SUBMITTED", status(dynamo, m), m.memberNo());
            assertEquals("DRAFT", status(dynamo, extended), "the extension runs until May 3");
            assertEquals(1, summaries("4月30日"));
            assertEquals(0, at(dynamo, year + "-05-01T00:30:00").run().markedNotSubmitted());
            assertEquals(1, summaries("4月30日"), "the summary is sent once");

            at(dynamo, year + "-05-03T23:45:00").run();
            assertEquals("DRAFT", status(dynamo, extended), "still the last day of the extension");
            assertEquals(1, at(dynamo, year + "-05-04T00:00:00").run().markedNotSubmitted());
            assertEquals("NOT_SUBMITTED", status(dynamo, extended), "the extension ended: 未提出 like the others");
            assertEquals(1, summaries("4月30日"));
        }
    }

    @Test
    void whenSesRefusesTheSummaryAtTheCloseTheNextRunSendsItOnce() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            at(dynamo, year + "-06-01T00:00:00").run();
            try (var f = Faults.on(Faults.ses(Faults.Kind.REJECT))) {
                at(dynamo, year + "-07-01T00:00:00").run();
                assertEquals(true, f.hits() > 0);
            }
            assertEquals(0, summaries("6月30日"));
            at(dynamo, year + "-07-01T00:15:00").run();
            assertEquals(1, summaries("6月30日"));
            at(dynamo, year + "-07-01T00:30:00").run();
            assertEquals(1, summaries("6月30日"));
        }
    }
}
