package jp.nintei.domain.application;

import java.util.EnumSet;
import java.util.Set;

/** What an uploaded document is for, with the types it may be (docs/domain.md "Files") and how many one application holds. */
public enum DocumentPurpose {
    /** 申請料支払い控え (一次申請): one file; a screenshot of an online transfer is fine. */
    FEE_RECEIPT("申請料支払い控え", EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG), 1),
    /** 臨床研修修了証明書 (二次申請): PDF; one file may serve several certificate entries. */
    TRAINING_CERTIFICATE("臨床研修修了証明書", EnumSet.of(FileType.PDF), 20),
    /** 業績の写し: PDF only; 学会発表 at most 2 pages (checked with the achievement). */
    ACHIEVEMENT_COPY("業績の写し", EnumSet.of(FileType.PDF), 30),
    /** 医師免許 */
    MEDICAL_LICENSE("医師免許", EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG), 1),
    /** 緩和ケア研修会 or 指導者研修会（緩和ケア）の受講証 */
    COURSE_CERTIFICATE("受講証", EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG), 1),
    /** 受験用写真: an image, upright, of sensible size and aspect. */
    EXAM_PHOTO("受験用写真", EnumSet.of(FileType.PNG, FileType.JPEG), 1);

    /** The largest file accepted, shown on the page. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final String MAX_LABEL = "10MB";

    private final String label;
    private final Set<FileType> types;
    private final int maxCount;

    DocumentPurpose(String label, Set<FileType> types, int maxCount) {
        this.label = label;
        this.types = types;
        this.maxCount = maxCount;
    }

    public String label() { return label; }

    public Set<FileType> types() { return types; }

    public int maxCount() { return maxCount; }

    /** e.g. {@code PDF/png/jpeg}, as the manual writes it. */
    public String typesLabel() {
        StringBuilder b = new StringBuilder();
        for (FileType t : types) {
            if (b.length() > 0) b.append('/');
            b.append(t.label());
        }
        return b.toString();
    }

    /** Which stage's application may hold it. */
    public boolean primary() { return this == FEE_RECEIPT; }

    public static DocumentPurpose of(String name) {
        if (name == null) return null;
        for (DocumentPurpose p : values()) if (p.name().equalsIgnoreCase(name.strip())) return p;
        return null;
    }
}
