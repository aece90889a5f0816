package jp.nintei.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;

/**
 * Claims the HTTP API JWT authorizer verified. The 会員番号 is the Cognito username; it is never taken
 * from the URL or the body. Groups arrive flattened to a string such as {@code [secretariat]}.
 */
public record Claims(Map<String, String> values) {
    public static final String SECRETARIAT = "secretariat";

    public static Claims of(Map<String, String> values) { return new Claims(values == null ? Map.of() : values); }

    public String requireMemberNo() {
        String no = values.get("cognito:username");
        if (no == null || no.isBlank()) no = values.get("username");
        if (no == null || no.isBlank()) throw Rejection.unauthorized("UNAUTHORIZED", null, Messages.LOGIN_REQUIRED);
        return no;
    }

    public List<String> groups() {
        String raw = values.get("cognito:groups");
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String part : raw.replace("[", " ").replace("]", " ").replace("\"", " ").replace(",", " ").split("\\s+")) {
            if (!part.isBlank()) out.add(part);
        }
        return out;
    }

    public boolean inGroup(String group) { return groups().contains(group); }

    /** Secretariat routes check the group in code: the authorizer checks only the token. */
    public void requireGroup(String group) {
        requireMemberNo();
        if (!inGroup(group)) throw Rejection.forbidden("FORBIDDEN", null, Messages.FORBIDDEN);
    }
}
