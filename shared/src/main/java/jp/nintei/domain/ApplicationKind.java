package jp.nintei.domain;

/** The kinds of the 専門医 menu, in the manual's order, with its labels. */
public enum ApplicationKind {
    NEW_PRIMARY("専門医新規申請（一次申請）", Stage.PRIMARY, null),
    NEW_SECONDARY("専門医新規申請（二次申請）", Stage.SECONDARY, "NEW_PRIMARY"),
    RENEWAL("専門医更新申請", Stage.RENEWAL, null),
    TRANSITION_PRIMARY("専門医移行申請（一次申請）", Stage.PRIMARY, null),
    TRANSITION_SECONDARY("専門医移行申請（二次申請）", Stage.SECONDARY, "TRANSITION_PRIMARY");

    public enum Stage { PRIMARY, SECONDARY, RENEWAL }

    private final String label;
    private final Stage stage;
    private final String requiresSubmitted;

    ApplicationKind(String label, Stage stage, String requiresSubmitted) {
        this.label = label;
        this.stage = stage;
        this.requiresSubmitted = requiresSubmitted;
    }

    public String label() { return label; }

    public Stage stage() { return stage; }

    /** The primary application a secondary one stands on ("一次申請をされていない方は…二次申請を…出来ません"). */
    public ApplicationKind requiredPrimary() {
        return requiresSubmitted == null ? null : ApplicationKind.valueOf(requiresSubmitted);
    }

    /** Lower-case slug used in keys and URLs, e.g. {@code new-primary}. */
    public String slug() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    public static ApplicationKind fromSlug(String slug) {
        for (ApplicationKind k : values()) if (k.slug().equals(slug)) return k;
        return null;
    }
}
