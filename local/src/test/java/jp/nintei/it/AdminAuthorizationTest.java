package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.domain.Messages;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import jp.nintei.platform.Template;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Every admin route of template.yaml × anonymous, applicant, secretariat and expired token, through the gateway. */
@LocalStack
class AdminAuthorizationTest {
    private final LocalSystem system;

    AdminAuthorizationTest(LocalSystem system) { this.system = system; }

    private List<Template.Route> adminRoutes() {
        List<Template.Route> out = new ArrayList<>();
        for (Template.Route r : system.template().routes()) if (r.path().startsWith("/api/admin")) out.add(r);
        return out;
    }

    private String concrete(String path) {
        return path.replace("{application}", "new-primary").replace("{memberNo}", "10000002").replace("{what}", "facilities").replace("{action}", "confirm")
                .replace("{year}", Integer.toString(system.demo().year())).replace("{exportId}", "0b9f6c1e-2a4d-4c8b-9e7f-5d3a1b2c4e6f");
    }

    private Http.Response call(Template.Route r, String token) {
        String body = r.method().equals("GET") ? null : r.path().contains("/imports/") ? "会員番号\r\n" : "{}";
        return Http.send(r.method(), system.gateway().url() + concrete(r.path()), token, body);
    }

    @Test
    void onlyTheSecretariatGroupGetsThrough() throws Exception {
        List<Template.Route> routes = adminRoutes();
        assertTrue(routes.size() >= 13, routes.toString());
        // the 書類審査 routes are in the matrix like every other admin route
        for (String review : List.of("GET /api/admin/reviews", "GET /api/admin/reviews/{application}/{memberNo}",
                "POST /api/admin/reviews/{application}/{memberNo}/{action}")) {
            assertTrue(routes.stream().anyMatch(r -> (r.method() + " " + r.path()).equals(review)), review);
        }
        String applicant = "Bearer " + Http.idToken(system.gateway().url(), "10000001", DemoData.PASSWORD);
        String secretariat = "Bearer " + Http.idToken(system.gateway().url(), DemoData.SECRETARIAT_NO, DemoData.PASSWORD);
        ObjectNode expiredClaims = Tokens.payload(secretariat.substring(7));
        long now = Instant.now().getEpochSecond();
        String expired = "Bearer " + Tokens.mint(system.root(), expiredClaims.put("exp", now - 5).put("iat", now - 3600));

        for (Template.Route r : routes) {
            String name = r.method() + " " + r.path();
            Http.Response anonymous = call(r, null);
            assertEquals(401, anonymous.status(), name + " anonymous");
            Http.Response old = call(r, expired);
            assertEquals(401, old.status(), name + " expired");
            Http.Response member = call(r, applicant);
            assertEquals(403, member.status(), name + " applicant");
            assertEquals("FORBIDDEN", member.json().get("code").asString());
            assertEquals(Messages.FORBIDDEN, member.json().get("message").asString());
            Http.Response staff = call(r, secretariat);
            assertFalse(staff.status() == 401 || staff.status() == 403 || staff.status() >= 500,
                    name + " secretariat got " + staff.status() + " " + staff.body());
        }
    }
}
