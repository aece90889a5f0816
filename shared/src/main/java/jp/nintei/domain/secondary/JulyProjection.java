package jp.nintei.domain.secondary;

/**
 * 本申請に7月時点の見込み実績を含むもの (the four boxes above the submit button), saved with the draft.
 * 業績書 and 受講 must be reported to the secretariat by July 31.
 */
public record JulyProjection(boolean experience, boolean training, boolean achievements, boolean course) {
    public static final JulyProjection NONE = new JulyProjection(false, false, false, false);

    public static final String EXPERIENCE_LABEL = "5年以上の緩和医療の臨床経験";
    public static final String TRAINING_LABEL = "臨床研修修了証明書";
    public static final String ACHIEVEMENTS_LABEL = "業績書";
    public static final String COURSE_LABEL = "緩和ケア研修会・指導者研修会（緩和ケア）の受講";

    /** The boxes whose outcome the applicant must report by July 31 (manual: 「3」「4」). */
    public boolean needsFollowUp() { return achievements || course; }
}
