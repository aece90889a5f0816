package jp.nintei.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;

/** The events/ fixtures, as if the authorizer had verified a token of the given member. */
final class Fixtures {
    private Fixtures() {}

    static APIGatewayV2HTTPEvent forMember(String name, String memberNo) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/" + name);
        Map<String, String> claims = new HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("cognito:username", memberNo);
        e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return e;
    }
}
