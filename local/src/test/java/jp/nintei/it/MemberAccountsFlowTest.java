package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.cognito.CognitoMemberAccounts;
import jp.nintei.adapter.dynamo.DynamoAccountStore;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoAuditLog;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.account.PasswordPolicy;
import jp.nintei.functions.schedule.AccountsHandler;
import jp.nintei.functions.support.Components;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.MemberAccountService;
import jp.nintei.service.PasswordResetService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;

/**
 * A member's account from the secretariat's import to their own password, through the gateway: invitation mail,
 * first sign-in with the 「パスワードを設定してください」 step, logout, パスワードをお忘れの方, and the secretariat's view.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberAccountsFlowTest {
    static final AtomicInteger NEXT = new AtomicInteger(61000001);
    static final String HEADER = "会員番号,氏名,ふりがな,メールアドレス,入会日,会費納入年度,セミナー受講,承認済症例数,症例報告書免除,筆記試験免除,専門医\r\n";

    private final LocalSystem system;
    private final String gw;
    private String staff;

    MemberAccountsFlowTest(LocalSystem system) {
        this.system = system;
        this.gw = system.gateway().url();
    }

    @BeforeAll
    void signIn() { staff = Secretariat.bearer(system); }

    static String row(String no, String name, String email) { return no + "," + name + ",しけん," + email + ",2018-04-01,,,,,,\r\n"; }

    JsonNode importMembers(String rows) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gw + "/api/admin/imports/members"))
                    .header("Authorization", staff).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray((HEADER + rows).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return Json.parse(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void runAccountsSchedule() {
        var runner = system.schedules();
        runner.fire(runner.schedules().stream().filter(s -> s.function().equals("AccountsFunction")).findFirst().orElseThrow());
    }

    /** Imports three new members in one file (氏名 {@code family} 一, 二, 三; addresses {@code mailPrefix}会員番号@example.jp): their 会員番号. */
    List<String> importThree(String family, String mailPrefix) {
        List<String> nos = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (String given : List.of("一", "二", "三")) {
            String no = Integer.toString(NEXT.getAndIncrement());
            nos.add(no);
            rows.append(row(no, family + " " + given, mailPrefix + no + "@example.jp"));
        }
        importMembers(rows.toString());
        return nos;
    }

    /** Imports the member and runs the accounts schedule: the account created, the invitation mailed. */
    void invite(String memberNo, String name, String email) {
        importMembers(row(memberNo, name, email));
        runAccountsSchedule();
    }

    /** One run of the accounts schedule's handler as its function wires it, but with Cognito answering through {@code faults}. */
    void runAccountsScheduleWith(CognitoFaults faults) {
        var dynamo = AwsClients.dynamoDb();
        var service = new MemberAccountService(new DynamoAccountStore(dynamo, Bootstrap.TABLE), new DynamoApplicationLists(dynamo, Bootstrap.TABLE),
                new DynamoAuditLog(dynamo, Bootstrap.TABLE),
                new CognitoMemberAccounts(AwsClients.cognito(faults), system.identity().userPoolId()),
                new SesMailer(AwsClients.ses(), Bootstrap.SENDER, "nintei-mail"), Components.site(), Clock.systemUTC());
        new AccountsHandler(service).handleRequest(null, null);
    }

    /** The secretariat's 招待を再送. */
    Http.Response resendInvitation(String memberNo) {
        return Http.send("POST", gw + "/api/admin/accounts/" + memberNo + "/resend-invitation", staff, null);
    }

    static Http.Response post(String url, JsonNode body) { return Http.post(url, Json.write(body)); }

    JsonNode account(String memberNo, boolean problemsOnly) {
        String cursor = null;
        do {
            JsonNode page = Http.get(gw + "/api/admin/accounts?" + (problemsOnly ? "problems=1&" : "")
                    + (cursor == null ? "" : "cursor=" + cursor), staff).json();
            for (JsonNode r : page.get("rows")) if (r.get("memberNo").asString().equals(memberNo)) return r;
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return null;
    }

    @Test
    void importedMemberIsInvitedSetsAPasswordLogsOutForgetsItAndResetsIt() {
        String no = Integer.toString(NEXT.getAndIncrement());
        String email = "inv" + no + "@example.jp";
        assertEquals(1, importMembers(row(no, "招待 太郎", email)).get("accountsQueued").asInt());
        assertEquals("作成待ち", account(no, false).get("stateLabel").asString());
        runAccountsSchedule();

        // the invitation: Japanese, the user ID, a temporary password for the first sign-in only, its validity
        JsonNode invitation = Mails.latest(system, email, "ご招待");
        String text = invitation.path("body").path("text").asString();
        assertTrue(text.contains("招待 太郎 様") && text.contains(no) && text.contains("パスワードを設定してください"), text);
        assertTrue(text.contains("■ 認定システム（ログイン画面）\n" + gw + "/\n"), "the invitation names the page to sign in at: " + text);
        assertTrue(text.contains("仮パスワードの有効期限"), text);
        String temporary = Mails.temporaryPassword(system, email);
        JsonNode invited = account(no, false);
        assertEquals("招待済", invited.get("stateLabel").asString());
        assertEquals("SENT", invited.get("mailState").asString());

        // first sign-in (by e-mail, typed full-width): the first-password step, not a wrong password
        JsonNode challenge = post(gw + "/api/auth/login", Json.object().put("userId", email.toUpperCase().replace("@", "＠"))
                .put("password", temporary)).json();
        assertEquals("NEW_PASSWORD_REQUIRED", challenge.get("challenge").asString(), challenge.toString());
        assertEquals(no, challenge.get("username").asString());
        assertEquals(PasswordPolicy.DESCRIPTION, challenge.get("policy").asString());
        Http.Response weak = post(gw + "/api/auth/new-password", Json.object().put("username", no)
                .put("session", challenge.get("session").asString()).put("password", "abcdefgh"));
        assertEquals(400, weak.status());
        assertEquals("WEAK_PASSWORD", weak.json().get("code").asString());
        assertTrue(weak.json().get("message").asString().contains("数字"), weak.body());
        Http.Response set = post(gw + "/api/auth/new-password", Json.object().put("username", no)
                .put("session", challenge.get("session").asString()).put("password", "first-pass-1"));
        assertEquals(200, set.status(), set.body());
        String idToken = set.json().get("idToken").asString();
        assertEquals(200, Http.get(gw + "/api/me", "Bearer " + idToken).status());
        assertEquals("有効", account(no, false).get("stateLabel").asString());

        // logout revokes the refresh token (signed in again: cognito-local does not record the refresh token it
        // issues when the challenge is answered, AWS does)
        Http.Response signedIn = post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", "first-pass-1"));
        assertEquals(200, signedIn.status(), signedIn.body());
        String refresh = signedIn.json().get("refreshToken").asString();
        assertEquals(200, post(gw + "/api/auth/refresh", Json.object().put("refreshToken", refresh)).status());
        assertEquals(200, post(gw + "/api/auth/logout", Json.object().put("refreshToken", refresh)).status());
        Http.Response afterLogout = post(gw + "/api/auth/refresh", Json.object().put("refreshToken", refresh));
        assertEquals(401, afterLogout.status(), afterLogout.body());

        // パスワードをお忘れの方: the same answer whether or not the ID exists
        Http.Response forgot = post(gw + "/api/auth/password/forgot", Json.object().put("userId", no));
        Http.Response unknown = post(gw + "/api/auth/password/forgot", Json.object().put("userId", "nobody" + no + "@example.jp"));
        Http.Response unknownNo = post(gw + "/api/auth/password/forgot", Json.object().put("userId", "99999998"));
        assertEquals(200, forgot.status(), forgot.body());
        assertEquals(forgot.body(), unknown.body());
        assertEquals(forgot.body(), unknownNo.body());
        assertEquals(PasswordResetService.CODE_SENT, forgot.json().get("message").asString());
        String code = Mails.resetCode(system, email);
        assertTrue(code.matches("[0-9]{6}"), code);

        // a wrong code, a weak password, an unknown ID: Japanese messages that say what to do, nothing changes
        String wrong = code.equals("000000") ? "111111" : "000000";
        Http.Response bad = post(gw + "/api/auth/password/reset", Json.object().put("userId", email).put("code", wrong).put("password", "second-pass-2"));
        Http.Response badUnknown = post(gw + "/api/auth/password/reset", Json.object().put("userId", "99999998").put("code", wrong).put("password", "second-pass-2"));
        assertEquals(400, bad.status());
        assertEquals("CODE_MISMATCH", bad.json().get("code").asString());
        assertEquals(bad.body(), badUnknown.body(), "an unknown ID answers exactly like a wrong code");
        Http.Response weakReset = post(gw + "/api/auth/password/reset", Json.object().put("userId", email).put("code", code).put("password", "short1"));
        assertEquals("WEAK_PASSWORD", weakReset.json().get("code").asString());
        assertEquals(200, post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", "first-pass-1")).status(),
                "nothing changed by the refused attempts");

        Http.Response ok = post(gw + "/api/auth/password/reset", Json.object().put("userId", "　" + email + " ")
                .put("code", toFullWidth(code)).put("password", "second-pass-2"));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(401, post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", "first-pass-1")).status());
        Http.Response again = post(gw + "/api/auth/login", Json.object().put("userId", email).put("password", "second-pass-2"));
        assertEquals(200, again.status(), again.body());
        assertNotNull(again.json().get("idToken"));
        // a used code is spent
        assertEquals("CODE_MISMATCH", post(gw + "/api/auth/password/reset", Json.object().put("userId", email).put("code", code)
                .put("password", "third-pass-3")).json().get("code").asString());
    }

    @Test
    void aCodeStopsWorkingAfterFiveWrongEntries() {
        String no = Integer.toString(NEXT.getAndIncrement());
        String email = "five" + no + "@example.jp";
        invite(no, "五回 花子", email);
        // a member who never signed in (Cognito's own ForgotPassword would refuse this state) can still reset
        post(gw + "/api/auth/password/forgot", Json.object().put("userId", email));
        String code = Mails.resetCode(system, email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < PasswordResetService.MAX_ATTEMPTS; i++) {
            post(gw + "/api/auth/password/reset", Json.object().put("userId", no).put("code", wrong).put("password", "second-pass-2"));
        }
        Http.Response late = post(gw + "/api/auth/password/reset", Json.object().put("userId", no).put("code", code).put("password", "second-pass-2"));
        assertEquals("CODE_MISMATCH", late.json().get("code").asString(), late.body());
        // a new code works, and the invited member is then 有効
        post(gw + "/api/auth/password/forgot", Json.object().put("userId", no));
        String fresh = Mails.resetCode(system, email);
        assertEquals(200, post(gw + "/api/auth/password/reset", Json.object().put("userId", no).put("code", fresh)
                .put("password", "second-pass-2")).status());
        assertEquals(200, post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", "second-pass-2")).status());
        assertEquals("有効", account(no, false).get("stateLabel").asString());
    }

    @Test
    void anAddressOfAnotherMemberIsRejectedWithItsLineAndNothingChanges() {
        String no = Integer.toString(NEXT.getAndIncrement());
        String other = Integer.toString(NEXT.getAndIncrement());
        String otherEmail = "own" + other + "@example.jp";
        importMembers(row(other, "持主 一郎", otherEmail));
        // the demo member's address, then the test member's (differently typed), each refused with its line
        JsonNode report = importMembers(row(no, "重複 次郎", "JIRO@example.jp") + row(no + "9", "重複 三郎", " " + otherEmail.toUpperCase()));
        assertEquals(0, report.get("accepted").asInt(), report.toString());
        assertEquals(2, report.at("/rejected/0/line").asInt());
        assertTrue(report.at("/rejected/0/reason").asString().contains("会員番号 10000002 の会員が使用しています"), report.toString());
        assertEquals(3, report.at("/rejected/1/line").asInt());
        assertTrue(report.at("/rejected/1/reason").asString().contains(other), report.toString());
        assertEquals(0, report.get("accountsQueued").asInt());
        // neither member changed: both still sign in by their address; the refused member has no record
        assertEquals(200, post(gw + "/api/auth/login", Json.object().put("userId", "jiro@example.jp").put("password", DemoData.PASSWORD)).status());
        assertEquals(404, Http.get(gw + "/api/admin/applications/new-primary/" + no + "?year=2026", staff).status());
        // the owner may move to a new address and another member take the old one in the same file
        JsonNode swap = importMembers(row(other, "持主 一郎", "new" + other + "@example.jp") + row(no, "重複 次郎", otherEmail));
        assertEquals(2, swap.get("accepted").asInt(), swap.toString());
    }

    @Test
    void oneRefusedAccountNeverBlocksTheQueueAndAReImportKeepsQueuedMembers() {
        List<String> three = importThree("列", "q");
        String a = three.get(0);
        String bad = three.get(1);
        String c = three.get(2);
        // re-imported with a changed name before the schedule ran: still queued (the profile was rewritten)
        JsonNode again = importMembers(row(c, "列 三（改）", "q" + c + "@example.jp"));
        assertEquals(1, again.get("updated").asInt());
        assertEquals("作成待ち", account(c, false).get("stateLabel").asString());

        // Cognito refuses one member's address (as AWS does for a malformed e-mail attribute)
        runAccountsScheduleWith(new CognitoFaults(r -> r instanceof AdminCreateUserRequest u && u.username().equals(bad)
                ? CognitoFaults.error(InvalidParameterException.builder(), "InvalidParameterException", "Invalid email address format.") : null));

        assertEquals("招待済", account(a, false).get("stateLabel").asString());
        assertEquals("招待済", account(c, false).get("stateLabel").asString());
        assertEquals(1, Mails.count(system, "q" + c + "@example.jp", "ご招待"));
        JsonNode failed = account(bad, true);
        assertNotNull(failed, "a failed account is among those needing the secretariat");
        assertEquals("作成失敗", failed.get("stateLabel").asString());
        assertTrue(failed.get("reason").asString().contains("Invalid email address format"), failed.toString());
        assertEquals(0, Mails.count(system, "q" + bad + "@example.jp", "ご招待"));
        assertFalse(account(a, true) != null, "an invited account needs nothing");

        // 招待を再送 (the refusal has passed): created and invited
        Http.Response resent = resendInvitation(bad);
        assertEquals(200, resent.status(), resent.body());
        assertEquals("招待済", resent.json().get("stateLabel").asString());
        assertEquals(1, Mails.count(system, "q" + bad + "@example.jp", "ご招待"));
        // a second resend mails a new temporary password (on AWS the first then stops working; cognito-local cannot show it)
        String first = Mails.temporaryPassword(system, "q" + bad + "@example.jp");
        resendInvitation(bad);
        String second = Mails.temporaryPassword(system, "q" + bad + "@example.jp");
        assertNotEquals(first, second);
        // an active member is not re-invited
        assertEquals(409, resendInvitation("10000001").status());
        // only the secretariat
        String member = "Bearer " + Http.idToken(gw, "10000001", DemoData.PASSWORD);
        assertEquals(403, Http.get(gw + "/api/admin/accounts", member).status());
    }

    @Test
    void cognitosRateLimitEndsTheRunAndTheNextRunGoesOn() {
        List<String> three = importThree("律", "r");
        String a = three.get(0);
        String busy = three.get(1);
        String c = three.get(2);
        runAccountsScheduleWith(new CognitoFaults(r -> r instanceof AdminCreateUserRequest u && u.username().equals(busy)
                ? CognitoFaults.error(TooManyRequestsException.builder(), "TooManyRequestsException", "Too many requests") : null));
        assertEquals("招待済", account(a, false).get("stateLabel").asString());
        assertEquals("作成待ち", account(busy, false).get("stateLabel").asString(), "rate limited: still queued, not failed");
        assertEquals("作成待ち", account(c, false).get("stateLabel").asString());
        runAccountsSchedule();
        assertEquals("招待済", account(busy, false).get("stateLabel").asString());
        assertEquals("招待済", account(c, false).get("stateLabel").asString());
    }

    @Test
    void anInvitationSesRefusedIsAFailureWithItsReasonAndIsResent() throws Exception {
        String no = Integer.toString(NEXT.getAndIncrement());
        String email = "ses" + no + "@example.jp";
        importMembers(row(no, "送信 失敗", email));
        system.aws().stopSes();
        try {
            runAccountsSchedule();
        } finally {
            system.aws().startSes();
        }
        JsonNode failed = account(no, true);
        assertEquals("作成失敗", failed.get("stateLabel").asString());
        assertTrue(failed.get("reason").asString().contains("招待メールを送信できませんでした"), failed.toString());
        Http.Response resent = resendInvitation(no);
        assertEquals("招待済", resent.json().get("stateLabel").asString(), resent.body());
        // the account was already created: the resend gives it a fresh temporary password that signs in
        String temporary = Mails.temporaryPassword(system, email);
        assertEquals("NEW_PASSWORD_REQUIRED", post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", temporary))
                .json().get("challenge").asString());
    }

    @Test
    void anInvitationPastItsValidityIsListedExpiredAndResent() {
        String no = Integer.toString(NEXT.getAndIncrement());
        String email = "exp" + no + "@example.jp";
        invite(no, "期限 切子", email);
        // seven days later (the pool's TemporaryPasswordValidityDays)
        var accounts = new DynamoAccountStore(AwsClients.dynamoDb(), Bootstrap.TABLE);
        var a = accounts.find(no).orElseThrow();
        accounts.invited(no, email, a.mailId(), java.time.Instant.now().minusSeconds(60), a.invitedAt());
        JsonNode expired = account(no, true);
        assertEquals("招待期限切れ", expired.get("stateLabel").asString());
        Http.Response resent = resendInvitation(no);
        assertEquals(200, resent.status(), resent.body());
        assertEquals("招待済", resent.json().get("stateLabel").asString());
        assertEquals(null, account(no, true), "no longer needs the secretariat");
        assertEquals(2, Mails.count(system, email, "ご招待"));
        JsonNode audit = Http.get(gw + "/api/admin/audit?memberNo=" + no, staff).json();
        assertTrue(audit.toString().contains("INVITATION_RESENT"), audit.toString());
    }

    @Test
    void aChangedAddressFollowsTheAccountAndFreesTheOldOne() {
        String no = Integer.toString(NEXT.getAndIncrement());
        String old = "old" + no + "@example.jp";
        String moved = "moved" + no + "@example.jp";
        invite(no, "転居 一郎", old);
        String temporary = Mails.temporaryPassword(system, old);
        JsonNode c = post(gw + "/api/auth/login", Json.object().put("userId", no).put("password", temporary)).json();
        assertEquals(200, post(gw + "/api/auth/new-password", Json.object().put("username", no).put("session", c.get("session").asString())
                .put("password", "moving-day-1")).status());

        JsonNode report = importMembers(row(no, "転居 一郎", moved));
        assertEquals(1, report.get("accountsQueued").asInt());
        runAccountsSchedule();
        // a member with a password of their own is told of the change, not invited again
        assertTrue(Mails.latest(system, moved, "メールアドレス変更").path("body").path("text").asString().contains(no));
        assertEquals(0, Mails.count(system, moved, "ご招待"));
        assertEquals("有効", account(no, false).get("stateLabel").asString());
        assertEquals(200, post(gw + "/api/auth/login", Json.object().put("userId", moved).put("password", "moving-day-1")).status());
        assertEquals(401, post(gw + "/api/auth/login", Json.object().put("userId", old).put("password", "moving-day-1")).status());
        // the old address is free for another member
        String next = Integer.toString(NEXT.getAndIncrement());
        assertEquals(1, importMembers(row(next, "後任 二郎", old)).get("accepted").asInt());
    }

    static String toFullWidth(String digits) {
        StringBuilder b = new StringBuilder();
        for (char ch : digits.toCharArray()) b.append((char) (ch - '0' + '０'));
        return b.toString();
    }
}
