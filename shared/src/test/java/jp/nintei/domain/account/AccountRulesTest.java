package jp.nintei.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.SpecialistStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "short1", "abcdefgh", "ａｂｃｄｅｆｇ１", "abc defg1", "パスワード12345"})
    void passwordsThePoolWouldRefuseAreExplainedInJapanese(String p) {
        String problem = PasswordPolicy.problem(p);
        assertTrue(problem != null && problem.contains("8文字以上"), problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefg1", "Correct-horse-1", "12345678", "p@ss!w0rd"})
    void passwordsThePoolAcceptsPass(String p) { assertNull(PasswordPolicy.problem(p)); }

    @Test
    void temporaryPasswordsSatisfyThePolicyAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String t = Secrets.temporaryPassword();
            assertNull(PasswordPolicy.problem(t), t);
            assertFalse(t.matches(".*[0O1lI].*"), "no look-alike characters: " + t);
            seen.add(t);
        }
        assertEquals(500, seen.size());
    }

    @Test
    void aCodeIsStoredOnlyAsAHashOfMemberAndCode() {
        String code = Secrets.resetCode();
        assertTrue(code.matches("[0-9]{6}"));
        assertTrue(Secrets.sameHash(Secrets.hash("10000001", code), Secrets.hash("10000001", code)));
        assertFalse(Secrets.sameHash(Secrets.hash("10000001", code), Secrets.hash("10000002", code)));
        assertFalse(Secrets.hash("10000001", code).contains(code));
    }

    @Test
    void anInvitationPastItsValidityIsShownExpired() {
        Instant validTo = Instant.parse("2026-04-27T01:00:00Z");
        assertEquals("招待済", AccountState.label(AccountState.INVITED, validTo, validTo));
        assertEquals("招待期限切れ", AccountState.label(AccountState.INVITED, validTo, validTo.plusSeconds(1)));
        assertEquals("有効", AccountState.label(AccountState.ACTIVE, validTo, validTo.plusSeconds(1)));
        assertEquals("作成失敗", AccountState.label(AccountState.FAILED, null, validTo));
    }

    @Test
    void theInvitationNamesTheUserIdTheFirstStepAndTheDeadlineInJapanTime() {
        Member m = new Member("10000011", "髙橋 﨑子", "たかはし さきこ", "saki@example.jp", LocalDate.of(2020, 4, 1), Set.of(),
                false, 0, false, false, SpecialistStatus.NONE);
        AccountMail.Content c = AccountMail.invitation(m, "Abcd2efg3hj4", Instant.parse("2026-04-27T01:00:00Z"),
                new Site("https://nintei.example.org"));
        assertTrue(c.body().startsWith("髙橋 﨑子 様"), "the name exactly as registered");
        assertTrue(c.body().contains("10000011") && c.body().contains("saki@example.jp"));
        assertTrue(c.body().contains("Abcd2efg3hj4"));
        assertTrue(c.body().contains("パスワードを設定してください"));
        assertTrue(c.body().contains("2026年4月27日 10:00"), c.body());
        assertTrue(c.body().contains("■ 認定システム（ログイン画面）\nhttps://nintei.example.org/\n"), "where to sign in: " + c.body());
        assertTrue(!AccountMail.invitation(m, "Abcd2efg3hj4", Instant.parse("2026-04-27T01:00:00Z"), Site.UNKNOWN).body()
                .contains("ログイン画面）"), "no address line when the stack has no custom domain");
        AccountMail.Content code = AccountMail.resetCode(m, "012345", Instant.parse("2026-04-27T01:00:00Z"));
        assertTrue(code.body().contains("■ 確認コード\n012345\n"));
    }
}
