package jp.nintei.domain.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;

/**
 * 一次申請 of one member and year: 申請料支払い控え and 筆記試験受験希望地 第一〜第三希望 (JIS codes, {@code null}
 * when blank). {@code version} guards draft saves; {@code 0} means nothing saved yet.
 */
public record PrimaryApplication(String memberNo, int year, ApplicationKind kind, ApplicationStatus status, long version,
                                 List<String> preferences, List<Document> documents, Instant submittedAt,
                                 String receiptNo, MailStatus mail) {
    public PrimaryApplication {
        List<String> p = new ArrayList<>(preferences == null ? List.of() : preferences);
        while (p.size() < 3) p.add(null);
        preferences = java.util.Collections.unmodifiableList(p);
        documents = List.copyOf(documents == null ? List.of() : documents);
    }

    public static PrimaryApplication empty(String memberNo, int year, ApplicationKind kind) {
        return new PrimaryApplication(memberNo, year, kind, ApplicationStatus.DRAFT, 0, null, null, null, null, null);
    }

    public boolean submitted() { return status == ApplicationStatus.SUBMITTED; }

    public List<Document> registered(DocumentPurpose purpose) {
        return documents.stream().filter(d -> d.purpose() == purpose && d.registered()).toList();
    }

    public Document document(String id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }
}
