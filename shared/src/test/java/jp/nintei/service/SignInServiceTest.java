package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.adapter.http.HttpStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.YearWindows;
import jp.nintei.port.IdentityProvider;
import jp.nintei.port.MemberStore;
import jp.nintei.port.MyPageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure unit test: a hand-written store and identity provider. */
class SignInServiceTest {
    private static final String LOGIN_FAILED =
            "ユーザーID（メールアドレスもしくは会員番号）またはパスワードが正しくありません。入力内容をご確認ください。";
    private static final String LOGIN_ID_REQUIRED = "ユーザーID（メールアドレスもしくは会員番号）を入力してください。";
    private static final String PASSWORD_REQUIRED = "パスワードを入力してください。";
    private static final String SESSION_EXPIRED = "ログインの有効期限が切れました。もう一度ログインしてください。";

    /** e-mail (normalised, lower-case) -> 会員番号; records every lookup. */
    static final class FakeMemberStore implements MemberStore {
        final Map<String, String> byEmail = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        @Override public Optional<MyPageRecord> loadMyPage(String memberNo, int year) {
            throw new UnsupportedOperationException("sign-in must not load マイページ");
        }

        @Override public Optional<String> findMemberNoByEmail(String email) {
            lookups.add(email);
            return Optional.ofNullable(byEmail.get(email));
        }

        @Override public void putMember(Member member) { throw new UnsupportedOperationException(); }

        @Override public void putWindows(YearWindows windows) { throw new UnsupportedOperationException(); }
    }

    /** 会員番号 -> password; records every attempt. */
    static final class FakeIdentityProvider implements IdentityProvider {
        final Map<String, String> passwords = new HashMap<>();
        final List<String> signIns = new ArrayList<>();
        final List<String> passwordsSeen = new ArrayList<>();
        final Map<String, Tokens> refreshTokens = new HashMap<>();

        final List<String> revoked = new ArrayList<>();
        final List<String> newPasswords = new ArrayList<>();

        @Override public Tokens signIn(String username, String password)
                throws Rejected, NewPasswordRequired, LockedOut, TemporaryPasswordExpired {
            signIns.add(username);
            passwordsSeen.add(password);
            if (password.equals("temporary-1")) throw new NewPasswordRequired(username, "session-" + username);
            if (password.equals("locked-1")) throw new LockedOut("Password attempts exceeded");
            if (password.equals("expired-1")) throw new TemporaryPasswordExpired();
            String expected = passwords.get(username);
            if (expected == null) throw new Rejected("UserNotFoundException");
            if (!expected.equals(password)) throw new Rejected("NotAuthorizedException");
            return new Tokens("id-" + username, "access-" + username, "refresh-" + username, 3600);
        }

        @Override public Tokens completeNewPassword(String username, String session, String newPassword) throws Rejected {
            if (!("session-" + username).equals(session)) throw new Rejected("NotAuthorizedException");
            newPasswords.add(newPassword);
            return new Tokens("id-" + username, "access-" + username, "refresh-" + username, 3600);
        }

        @Override public void revoke(String refreshToken) { revoked.add(refreshToken); }

        @Override public Tokens refresh(String refreshToken) throws Rejected {
            Tokens t = refreshTokens.get(refreshToken);
            if (t == null) throw new Rejected("NotAuthorizedException");
            return t;
        }
    }

    private final FakeMemberStore store = new FakeMemberStore();
    private final FakeIdentityProvider idp = new FakeIdentityProvider();
    private final SignInService service = new SignInService(store, idp);

    {
        store.byEmail.put("jiro@example.jp", "10000002");
        idp.passwords.put("10000002", "Correct-horse-1");
    }

    private Rejection refused(String id, String password) {
        return assertThrows(Rejection.class, () -> service.signIn(id, password));
    }

    private static void assertLoginFailed(Rejection e) {
        assertEquals(401, HttpStatus.of(e.kind()));
        assertEquals("LOGIN_FAILED", e.code());
        assertNull(e.field());
        assertEquals(LOGIN_FAILED, e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] id \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "　", "　　 ", "\t"})
    void blankIdIs400LoginIdRequired(String id) {
        Rejection e = refused(id, "Correct-horse-1");
        assertEquals(400, HttpStatus.of(e.kind()));
        assertEquals("LOGIN_ID_REQUIRED", e.code());
        assertEquals("userId", e.field());
        assertEquals(LOGIN_ID_REQUIRED, e.getMessage());
        assertEquals(List.of(), idp.signIns);
        assertEquals(List.of(), store.lookups);
    }

    @ParameterizedTest(name = "[{index}] password \"{0}\"")
    @NullAndEmptySource
    void blankPasswordIs400PasswordRequired(String password) {
        Rejection e = refused("10000002", password);
        assertEquals(400, HttpStatus.of(e.kind()));
        assertEquals("PASSWORD_REQUIRED", e.code());
        assertEquals("password", e.field());
        assertEquals(PASSWORD_REQUIRED, e.getMessage());
        assertEquals(List.of(), idp.signIns);
    }

    @Test
    void bothBlankReportsTheIdFirst() {
        assertEquals("LOGIN_ID_REQUIRED", refused("", "").code());
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        Rejection unknownEmail = refused("nobody@example.jp", "Correct-horse-1");
        Rejection wrongPassword = refused("jiro@example.jp", "wrong");
        Rejection unknownMemberNo = refused("99999999", "Correct-horse-1");
        Rejection garbage = refused("not an id", "Correct-horse-1");
        for (Rejection e : List.of(unknownEmail, wrongPassword, unknownMemberNo, garbage)) assertLoginFailed(e);
        assertEquals(HttpStatus.of(unknownEmail.kind()), HttpStatus.of(wrongPassword.kind()));
        assertEquals(unknownEmail.code(), wrongPassword.code());
        assertEquals(unknownEmail.field(), wrongPassword.field());
        assertEquals(unknownEmail.getMessage(), wrongPassword.getMessage());
        assertEquals(unknownEmail.getMessage(), unknownMemberNo.getMessage());
        assertEquals(unknownEmail.getMessage(), garbage.getMessage());
        // an unknown e-mail never reaches the identity provider; a garbage id reaches neither
        assertEquals(List.of("nobody@example.jp", "jiro@example.jp"), store.lookups);
        assertEquals(List.of("10000002", "99999999"), idp.signIns);
    }

    @Test
    void emailResolvesToTheMemberNumber() {
        IdentityProvider.Tokens t = service.signIn("jiro@example.jp", "Correct-horse-1");
        assertEquals("id-10000002", t.idToken());
        assertEquals(List.of("jiro@example.jp"), store.lookups);
        assertEquals(List.of("10000002"), idp.signIns);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"ＪＩＲＯ＠ｅｘａｍｐｌｅ．ｊｐ", "　Jiro@Example.JP　", "jiro＠example.jp"})
    void emailTypedInFullWidthOrMixedCaseResolvesThroughTheStore(String typed) {
        IdentityProvider.Tokens t = service.signIn(typed, "Correct-horse-1");
        assertEquals("access-10000002", t.accessToken());
        assertEquals(List.of("jiro@example.jp"), store.lookups);
        assertEquals(List.of("10000002"), idp.signIns);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"10000002", "１００００００２", " 1000-0002 ", "　１０００－０００２　"})
    void memberNumberGoesToTheIdentityProviderWithoutAStoreLookup(String typed) {
        IdentityProvider.Tokens t = service.signIn(typed, "Correct-horse-1");
        assertEquals("refresh-10000002", t.refreshToken());
        assertEquals(3600, t.expiresInSeconds());
        assertEquals(List.of("10000002"), idp.signIns);
        assertEquals(List.of(), store.lookups);
    }

    @Test
    void passwordIsPassedExactlyAsTyped() {
        // passwords are not normalised: full-width characters and spaces are part of them
        idp.passwords.put("10000002", " Ｐａｓｓ　word ");
        assertEquals("id-10000002", service.signIn("10000002", " Ｐａｓｓ　word ").idToken());
        assertEquals(List.of(" Ｐａｓｓ　word "), idp.passwordsSeen);
        assertLoginFailed(refused("10000002", "Pass word"));
    }

    @Test
    void refresh() {
        IdentityProvider.Tokens tokens = new IdentityProvider.Tokens("i", "a", null, 3600);
        idp.refreshTokens.put("good", tokens);
        assertSame(tokens, service.refresh("good"));
        for (String bad : new String[] {null, "", "  ", "bad"}) {
            Rejection e = assertThrows(Rejection.class, () -> service.refresh(bad));
            assertEquals(401, HttpStatus.of(e.kind()));
            assertEquals("SESSION_EXPIRED", e.code());
            assertEquals(SESSION_EXPIRED, e.getMessage());
        }
    }

    @Test
    void aFirstSignInIsTheNewPasswordStepNotAFailure() {
        SignInService.Outcome o = service.start("jiro@example.jp", "temporary-1");
        assertNull(o.tokens());
        assertEquals("10000002", o.challengeUsername());
        assertEquals("session-10000002", o.challengeSession());
        // callers that cannot show the step see a plain failure
        assertLoginFailed(refused("10000002", "temporary-1"));
    }

    @Test
    void theNewPasswordIsCheckedAgainstThePolicyBeforeCognitoIsAsked() {
        Rejection weak = assertThrows(Rejection.class, () -> service.completeNewPassword("10000002", "session-10000002", "abcdefgh"));
        assertEquals(400, HttpStatus.of(weak.kind()));
        assertEquals("password", weak.field());
        assertEquals(List.of(), idp.newPasswords);
        assertEquals("id-10000002", service.completeNewPassword("10000002", "session-10000002", "abcdefg1").idToken());
        Rejection stale = assertThrows(Rejection.class, () -> service.completeNewPassword("10000002", "other", "abcdefg1"));
        assertEquals(401, HttpStatus.of(stale.kind()));
        assertEquals(SignInService.CHALLENGE_EXPIRED, stale.getMessage());
    }

    @Test
    void lockoutAndAnExpiredInvitationSayWhatToDo() {
        Rejection locked = refused("10000002", "locked-1");
        assertEquals(429, HttpStatus.of(locked.kind()));
        assertEquals(SignInService.LOCKED_OUT, locked.getMessage());
        Rejection expired = refused("10000002", "expired-1");
        assertEquals(401, HttpStatus.of(expired.kind()));
        assertEquals(SignInService.INVITATION_EXPIRED, expired.getMessage());
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        service.logout("refresh-10000002");
        service.logout(" ");
        service.logout(null);
        assertEquals(List.of("refresh-10000002"), idp.revoked);
    }
}
