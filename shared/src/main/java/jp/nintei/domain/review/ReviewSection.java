package jp.nintei.domain.review;

import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.application.DocumentPurpose;

/**
 * What the secretariat marks 確認済 or 不備 in 書類審査, and what a 差し戻し reopens for the applicant: the page
 * parts of 一次申請 and 二次申請. The slug is also what the applicant's writes are checked against.
 */
public enum ReviewSection {
    /** 一次申請: 筆記試験受験希望地 */
    PREFERENCES("preferences", "筆記試験受験希望地", ApplicationKind.Stage.PRIMARY),
    /** 一次申請: 申請料支払い控え */
    RECEIPT("receipt", "申請料支払い控え", ApplicationKind.Stage.PRIMARY),
    /** 二次申請 ②: 認定要件 (会費 手続き中) and the 7月実績見込み boxes of the top page */
    REQUIREMENTS("requirements", "認定要件・7月実績見込み", ApplicationKind.Stage.SECONDARY),
    RESUME("resume", "申請書・履歴書（認定要件2）", ApplicationKind.Stage.SECONDARY),
    TRAINING("training", "臨床研修修了証明書（認定要件3）", ApplicationKind.Stage.SECONDARY),
    ACHIEVEMENTS("achievements", "業績書（認定要件6）", ApplicationKind.Stage.SECONDARY),
    IDENTITY("identity", "医師免許・受講証・受験用写真（認定要件1・5）", ApplicationKind.Stage.SECONDARY);

    private final String slug;
    private final String label;
    private final ApplicationKind.Stage stage;

    ReviewSection(String slug, String label, ApplicationKind.Stage stage) {
        this.slug = slug;
        this.label = label;
        this.stage = stage;
    }

    public String slug() { return slug; }

    public String label() { return label; }

    public static List<ReviewSection> of(ApplicationKind kind) {
        return java.util.Arrays.stream(values()).filter(s -> s.stage == kind.stage()).toList();
    }

    public static ReviewSection fromSlug(String slug) {
        for (ReviewSection s : values()) if (s.slug.equals(slug)) return s;
        return null;
    }

    /** The section a document belongs to: only while that section is open may the applicant change the document. */
    public static ReviewSection of(DocumentPurpose p) {
        return switch (p) {
            case FEE_RECEIPT -> RECEIPT;
            case TRAINING_CERTIFICATE -> TRAINING;
            case ACHIEVEMENT_COPY -> ACHIEVEMENTS;
            case MEDICAL_LICENSE, COURSE_CERTIFICATE, EXAM_PHOTO -> IDENTITY;
        };
    }
}
