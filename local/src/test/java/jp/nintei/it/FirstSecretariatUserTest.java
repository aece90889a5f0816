package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.functions.ops.FirstSecretariatUser;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;

/**
 * The runbook's first secretariat user (tools/first-secretariat-user runs FirstSecretariatUser): afterwards
 * that person signs in by e-mail, sees マイページ and reaches the secretariat's routes; a second run is harmless.
 */
@LocalStack
class FirstSecretariatUserTest {
    private final LocalSystem system;

    FirstSecretariatUserTest(LocalSystem system) { this.system = system; }

    @Test
    void theFirstSecretariatUserSignsInAndReachesTheSecretariatsRoutes() {
        String password = "first-pass-42";
        for (int run = 0; run < 2; run++) {
            try (var dynamo = AwsClients.dynamoDb(); var cognito = AwsClients.cognito()) {
                FirstSecretariatUser.create(dynamo, cognito, Bootstrap.TABLE, system.identity().userPoolId(),
                        "９０００００７７", " Office77@Example.jp ", "事務局 次郎", "じむきょく じろう", password);
            }
        }
        String token = Http.idToken(system.gateway().url(), "office77@example.jp", password);
        Http.Response me = Http.get(system.gateway().url() + "/api/me", "Bearer " + token);
        assertEquals(200, me.status(), me.body());
        assertEquals("90000077", me.json().get("applicant").get("memberNo").asString());
        int year = system.demo().year();
        Http.Response list = Http.get(system.gateway().url() + "/api/admin/applications?year=" + year
                + "&application=new-primary&status=SUBMITTED", "Bearer " + token);
        assertEquals(200, list.status(), list.body());
    }
}
