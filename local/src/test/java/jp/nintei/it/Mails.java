package jp.nintei.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.local.LocalSystem;
import tools.jackson.databind.JsonNode;

/** Reads what a member would read in the mails the local SES stand-in received. */
final class Mails {
    private Mails() {}

    /** The newest mail to {@code address} whose subject contains {@code subjectPart}. */
    static JsonNode latest(LocalSystem system, String address, String subjectPart) {
        List<JsonNode> all = SesStore.mailsTo(system, address).stream()
                .filter(m -> m.path("subject").asString("").contains(subjectPart)).toList();
        if (all.isEmpty()) throw new AssertionError("no mail 「" + subjectPart + "」 to " + address);
        return all.get(all.size() - 1);
    }

    static int count(LocalSystem system, String address, String subjectPart) {
        return (int) SesStore.mailsTo(system, address).stream()
                .filter(m -> m.path("subject").asString("").contains(subjectPart)).count();
    }

    /** The line after a 「■ heading」 of a mail's text. */
    static String after(JsonNode mail, String heading) {
        Matcher m = Pattern.compile("■ " + Pattern.quote(heading) + "\\n([^\\n]+)").matcher(mail.path("body").path("text").asString(""));
        if (!m.find()) throw new AssertionError("no 「" + heading + "」 in " + mail.path("body").path("text").asString(""));
        return m.group(1).trim();
    }

    static String temporaryPassword(LocalSystem system, String address) {
        return after(latest(system, address, "ご招待"), "仮パスワード（初回ログイン専用）");
    }

    static String resetCode(LocalSystem system, String address) {
        return after(latest(system, address, "確認コード"), "確認コード");
    }
}
