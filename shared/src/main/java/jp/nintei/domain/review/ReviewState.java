package jp.nintei.domain.review;

/** Where one submitted application stands in 書類審査. */
public enum ReviewState {
    UNREVIEWED("未審査"),
    IN_REVIEW("審査中"),
    /** sent back (差し戻し): waiting for the applicant's correction */
    RETURNED("不備あり"),
    ACCEPTED("受理"),
    REJECTED("不受理");

    private final String label;

    ReviewState(String label) { this.label = label; }

    public String label() { return label; }

    public boolean decided() { return this == ACCEPTED || this == REJECTED; }

    /**
     * The state a reader sees: a 差し戻し that the applicant has answered (the application is submitted again)
     * is back in review; the stored state changes with the reviewer's next action.
     */
    public static ReviewState effective(ReviewState stored, boolean submitted) {
        if (stored == null) return UNREVIEWED;
        if (stored == RETURNED && submitted) return IN_REVIEW;
        return stored;
    }

    public static ReviewState parse(String name) {
        if (name == null) return null;
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
