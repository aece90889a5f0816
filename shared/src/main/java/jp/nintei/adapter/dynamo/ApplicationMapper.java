package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mapping of an application item. Documents are top-level attributes {@code D#<id>}. */
public final class ApplicationMapper {
    static final String DOC_PREFIX = "D#";
    static final String KIND = "kind";
    static final String YEAR = "year";
    static final String MEMBER_NO = "memberNo";

    private ApplicationMapper() {}

    public static PrimaryApplication application(Map<String, AttributeValue> item) {
        List<Document> docs = new ArrayList<>();
        item.forEach((name, v) -> {
            if (name.startsWith(DOC_PREFIX) && v.hasM()) docs.add(document(name.substring(DOC_PREFIX.length()), v.m()));
        });
        docs.sort(Comparator.comparing(Document::uploadedAt));
        List<String> prefs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) prefs.add(Attr.s(item, "pref" + i));
        String status = Attr.s(item, "status");
        String mailId = Attr.s(item, "mailId");
        MailStatus mail = mailId == null ? null : new MailStatus(mailId,
                MailStatus.State.valueOf(Attr.s(item, "mailState")), Attr.n(item, "mailAttempts"),
                Attr.instant(item, "mailSentAt"));
        AttributeValue version = item.get("version");
        return new PrimaryApplication(Attr.s(item, MEMBER_NO), Attr.n(item, YEAR), ApplicationKind.valueOf(Attr.s(item, KIND)),
                status == null ? ApplicationStatus.DRAFT : ApplicationStatus.valueOf(status),
                version == null ? 0 : Long.parseLong(version.n()), prefs, docs,
                Attr.instant(item, "submittedAt"), Attr.s(item, "receiptNo"), mail);
    }

    static Map<String, AttributeValue> document(Document d) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("purpose", AttributeValue.fromS(d.purpose().name()));
        m.put("fileName", AttributeValue.fromS(d.fileName()));
        m.put("size", AttributeValue.fromN(Long.toString(d.size())));
        m.put("type", AttributeValue.fromS(d.type().name()));
        m.put("sha256", AttributeValue.fromS(d.sha256()));
        m.put("status", AttributeValue.fromS(d.status().name()));
        m.put("uploadedAt", AttributeValue.fromS(d.uploadedAt().toString()));
        m.put("pages", AttributeValue.fromN(Integer.toString(d.pages())));
        return m;
    }

    static Document document(String id, Map<String, AttributeValue> m) {
        return new Document(id, DocumentPurpose.valueOf(Attr.s(m, "purpose")), Attr.s(m, "fileName"),
                Long.parseLong(m.get("size").n()), FileType.valueOf(Attr.s(m, "type")), Attr.s(m, "sha256"),
                Document.Status.valueOf(Attr.s(m, "status")), Instant.parse(Attr.s(m, "uploadedAt")), Attr.n(m, "pages"));
    }
}
