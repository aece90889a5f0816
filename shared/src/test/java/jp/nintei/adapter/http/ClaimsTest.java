package jp.nintei.adapter.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimsTest {
    private static final String LOGIN_REQUIRED = "ログインが必要です。ログインしてから操作してください。";
    private static final String FORBIDDEN = "この操作を行う権限がありません。";

    private static Claims withGroups(String raw) {
        Map<String, String> m = new HashMap<>();
        m.put("cognito:username", "10000002");
        if (raw != null) m.put("cognito:groups", raw);
        return Claims.of(m);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[secretariat]|secretariat",
            "[a b]|a,b",
            "[\"a\",\"b\"]|a,b",
            "[\"a\", \"b\"]|a,b",
            "secretariat|secretariat",
            "[secretariat reviewers]|secretariat,reviewers",
    })
    void groupsParsing(String raw, String expected) {
        assertEquals(List.of(expected.split(",")), withGroups(raw).groups());
    }

    @Test
    void groupsAbsentOrEmpty() {
        assertEquals(List.of(), withGroups(null).groups());
        assertEquals(List.of(), withGroups("[]").groups());
        assertEquals(List.of(), withGroups("").groups());
        assertEquals(List.of(), Claims.of(null).groups());
    }

    @Test
    void inGroupIsAnExactMatchNotASubstring() {
        Claims c = withGroups("[secretariat-readonly]");
        assertFalse(c.inGroup(Claims.SECRETARIAT));
        assertTrue(withGroups("[members secretariat]").inGroup("secretariat"));
        assertEquals("secretariat", Claims.SECRETARIAT);
    }

    @Test
    void memberNoFromCognitoUsernameOrUsername() {
        assertEquals("10000002", Claims.of(Map.of("cognito:username", "10000002")).requireMemberNo());
        assertEquals("10000003", Claims.of(Map.of("username", "10000003")).requireMemberNo());
        assertEquals("10000002",
                Claims.of(Map.of("cognito:username", "10000002", "username", "x")).requireMemberNo());
    }

    @Test
    void requireMemberNoIs401WhenAbsentOrBlank() {
        for (Claims c : List.of(Claims.of(null), Claims.of(Map.of()), Claims.of(Map.of("cognito:username", " ")),
                Claims.of(Map.of("email", "jiro@example.jp")))) {
            Rejection e = assertThrows(Rejection.class, c::requireMemberNo);
            assertEquals(401, HttpStatus.of(e.kind()));
            assertEquals("UNAUTHORIZED", e.code());
            assertNull(e.field());
            assertEquals(LOGIN_REQUIRED, e.getMessage());
        }
    }

    @Test
    void requireGroupIs403ForAMemberWithoutTheGroup() {
        for (Claims c : List.of(withGroups(null), withGroups("[members]"), withGroups("[secretariat-readonly]"))) {
            Rejection e = assertThrows(Rejection.class, () -> c.requireGroup(Claims.SECRETARIAT));
            assertEquals(403, HttpStatus.of(e.kind()));
            assertEquals("FORBIDDEN", e.code());
            assertEquals(FORBIDDEN, e.getMessage());
        }
    }

    @Test
    void requireGroupPassesForAMemberOfTheGroup() {
        assertDoesNotThrow(() -> withGroups("[secretariat]").requireGroup(Claims.SECRETARIAT));
        assertDoesNotThrow(() -> withGroups("[\"members\",\"secretariat\"]").requireGroup(Claims.SECRETARIAT));
    }

    @Test
    void requireGroupWithoutAMemberIs401Not403() {
        Rejection e = assertThrows(Rejection.class,
                () -> Claims.of(Map.of("cognito:groups", "[secretariat]")).requireGroup(Claims.SECRETARIAT));
        assertEquals(401, HttpStatus.of(e.kind()));
        assertEquals(LOGIN_REQUIRED, e.getMessage());
    }
}
