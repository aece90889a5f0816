package jp.nintei.functions.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.account.PasswordPolicy;
import jp.nintei.platform.Template;
import jp.nintei.service.MemberAccountService;
import org.junit.jupiter.api.Test;

/**
 * What the accounts code assumes of the deployment: the pool's password policy and invitation validity are the
 * ones our pages and mails state, Cognito mails nobody itself, and SES bounces and complaints reach
 * MailEventsFunction (cognito-local and the SES stand-in check none of this).
 */
class AccountTemplateContractTest {
    static final Template TEMPLATE = Template.load(Path.of("..", "template.yaml"));

    private static Map<String, Object> props(String resource) { return Template.map(TEMPLATE.resource(resource).get("Properties")); }

    @Test
    void thePoolsPasswordPolicyIsTheOneThePageAndTheMailsState() {
        Map<String, Object> policy = Template.map(Template.map(props("UserPool").get("Policies")).get("PasswordPolicy"));
        assertEquals(PasswordPolicy.MINIMUM_LENGTH, ((Number) policy.get("MinimumLength")).intValue());
        assertEquals(true, policy.get("RequireNumbers"));
        assertEquals(false, policy.get("RequireSymbols"));
        assertEquals(false, policy.get("RequireUppercase"));
        assertEquals(false, policy.get("RequireLowercase"));
        assertEquals(MemberAccountService.INVITATION_VALIDITY.toDays(), ((Number) policy.get("TemporaryPasswordValidityDays")).longValue());
        // what the policy accepts, PasswordPolicy accepts: digits required, 8 characters
        assertNull(PasswordPolicy.problem("abcdefg1"));
        assertNotNull(PasswordPolicy.problem("abcdefgh"));
        assertNotNull(PasswordPolicy.problem("abcdef1"));
    }

    @Test
    void onlyAdministratorsCreateAccountsAndCognitoSendsNoMailOfItsOwn() {
        Map<String, Object> pool = props("UserPool");
        assertEquals(true, Template.map(pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly"));
        // no EmailConfiguration/VerificationMessageTemplate: our invitation and code mails go through our SES identity
        assertNull(pool.get("EmailConfiguration"));
        Map<String, Object> client = props("UserPoolClient");
        assertEquals(true, client.get("EnableTokenRevocation"), "logout revokes the refresh token");
        assertEquals("ENABLED", client.get("PreventUserExistenceErrors"));
    }

    @Test
    void bouncesAndComplaintsOfTheConfigurationSetReachMailEventsFunction() {
        List<String> destinations = TEMPLATE.resourcesOfType("AWS::SES::ConfigurationSetEventDestination");
        assertEquals(1, destinations.size());
        Map<String, Object> d = props(destinations.get(0));
        assertEquals(Map.of("Ref", "MailConfigurationSet"), d.get("ConfigurationSetName"));
        Map<String, Object> dest = Template.map(d.get("EventDestination"));
        assertEquals(true, dest.get("Enabled"));
        assertTrue(Template.list(dest.get("MatchingEventTypes")).containsAll(List.of("bounce", "complaint")));
        Object topic = Template.map(Template.map(dest.get("SnsDestination")).get("TopicARN")).get("Ref");
        assertEquals("AWS::SNS::Topic", TEMPLATE.resource(topic.toString()).get("Type"));
        Map<String, Object> events = Template.map(props("MailEventsFunction").get("Events"));
        boolean subscribed = events.values().stream().map(Template::map).anyMatch(e -> "SNS".equals(e.get("Type"))
                && Map.of("Ref", topic).equals(Template.map(e.get("Properties")).get("Topic")));
        assertTrue(subscribed, "MailEventsFunction must subscribe to " + topic);
        // SES may publish to the topic
        boolean allowed = TEMPLATE.resourcesOfType("AWS::SNS::TopicPolicy").stream().map(AccountTemplateContractTest::props)
                .anyMatch(p -> p.get("PolicyDocument").toString().contains("ses.amazonaws.com")
                        && Template.list(p.get("Topics")).contains(Map.of("Ref", topic)));
        assertTrue(allowed, "a topic policy must let ses.amazonaws.com publish");
    }
}
