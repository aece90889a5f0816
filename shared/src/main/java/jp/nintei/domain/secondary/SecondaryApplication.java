package jp.nintei.domain.secondary;

import java.time.Instant;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.MailStatus;

/** 二次申請 of one member and year: the four sections, the July boxes, 手続き中, the documents. */
public record SecondaryApplication(String memberNo, int year, ApplicationKind kind, ApplicationStatus status, long version,
                                   boolean duesInProcess, JulyProjection july, Resume resume, List<TrainingRef> training,
                                   List<Achievement> achievements, IdentityDocuments identity, List<Document> documents,
                                   Instant submittedAt, String receiptNo, MailStatus mail) {
    public SecondaryApplication {
        if (july == null) july = JulyProjection.NONE;
        if (resume == null) resume = new Resume(List.of(), List.of(), List.of(), null);
        training = List.copyOf(training == null ? List.of() : training);
        achievements = List.copyOf(achievements == null ? List.of() : achievements);
        if (identity == null) identity = IdentityDocuments.NONE;
        documents = List.copyOf(documents == null ? List.of() : documents);
    }

    public static SecondaryApplication empty(String memberNo, int year, ApplicationKind kind) {
        return new SecondaryApplication(memberNo, year, kind, ApplicationStatus.DRAFT, 0, false, null, null, null, null, null,
                null, null, null, null);
    }

    public boolean submitted() { return status == ApplicationStatus.SUBMITTED; }

    public Document document(String id) {
        return id == null ? null : documents.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }
}
