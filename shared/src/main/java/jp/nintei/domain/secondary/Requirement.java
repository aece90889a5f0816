package jp.nintei.domain.secondary;

/** ② 認定要件 checked from records, never typed by the applicant (manual p.8). */
public enum Requirement {
    CASE_REPORTS("認定要件4", "20例の症例報告書（承認済）"),
    SEMINAR("認定要件7", "本学会教育セミナーの受講"),
    MEMBERSHIP_TWO_YEARS("認定要件8", "2年以上の会員歴"),
    DUES_PAID("認定要件8", "当該年度会費の納入");

    private final String number;
    private final String label;

    Requirement(String number, String label) {
        this.number = number;
        this.label = label;
    }

    public String number() { return number; }

    public String label() { return label; }
}
