package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoExportStore;
import jp.nintei.adapter.dynamo.Keys;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An export is kept as long as its file: the next day the page is told that the CSV has expired (the bucket has
 * removed it), never handed a link that fails; the job record carries the table's TTL so it does not stay for ever.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportExpiryTest {
    private final LocalSystem system;
    private final int year;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    ExportExpiryTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @Test
    void theNextDayTheExportIsExpiredAndItsRecordCarriesTheTableTtl() {
        clock.at(year + "-05-01T10:00");
        String staff = "Bearer " + Http.idToken(system.gateway().url(), "office@example.jp", DemoData.PASSWORD);
        String id = UUID.randomUUID().toString();
        Http.Response built = Http.send("POST", system.gateway().url() + "/api/admin/exports", staff,
                Json.write(Json.object().put("id", id).put("year", year).put("application", "new-primary")));
        assertEquals(200, built.status(), built.body());
        Instant startedAt = Instant.parse(year + "-05-01T01:00:00Z");

        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            AttributeValue ttl = dynamo.getItem(g -> g.tableName(Bootstrap.TABLE).key(Keys.key(Keys.export(id), Keys.export(id))))
                    .item().get(DynamoExportStore.EXPIRES_AT);
            assertEquals(startedAt.plus(Duration.ofDays(7)).getEpochSecond(), Long.parseLong(ttl.n()),
                    "TTL in epoch seconds, a week after the start");
        }

        clock.at(year + "-05-02T09:59");
        Http.Response sameDay = Http.get(system.gateway().url() + "/api/admin/exports/" + id, staff);
        assertEquals(200, sameDay.status(), sameDay.body());
        assertTrue(sameDay.json().get("url").asString().contains(id), sameDay.body());

        clock.at(year + "-05-02T10:01");
        Http.Response nextDay = Http.get(system.gateway().url() + "/api/admin/exports/" + id, staff);
        assertEquals(404, nextDay.status(), nextDay.body());
        assertEquals("EXPORT_EXPIRED", nextDay.json().get("code").asString());
        assertTrue(nextDay.json().get("message").asString().contains("もう一度「CSVを作成」を押してください"), nextDay.body());
    }
}
