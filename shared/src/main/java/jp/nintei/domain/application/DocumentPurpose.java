package jp.nintei.domain.application;

import java.util.EnumSet;
import java.util.Set;

/** What an uploaded document is for, with the types it may be (DOMAIN.md "Files") and how many one application holds. */
public enum DocumentPurpose {
    /** 申請料支払い控え (一次申請): one file; a screenshot of an online transfer is fine. */
    FEE_RECEIPT("申請料支払い控え", EnumSet.of(FileType.PDF, FileType.PNG, FileType.JPEG), 1);

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

    public static DocumentPurpose of(String name) {
        if (name == null) return null;
        for (DocumentPurpose p : values()) if (p.name().equalsIgnoreCase(name.strip())) return p;
        return null;
    }
}
