package jp.nintei.domain.secondary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 1. 申請書・履歴書（認定要件2）: 学歴, 職歴, その他の資格・免許 and 緩和医療の臨床経験の年数（通算）
 * (docs/domain.md "Secondary application" → 1).
 *
 * <p>Rows hold what was typed; {@link ResumeRules#normalize} returns a resume whose dates are ISO
 * {@code yyyy-MM-dd} (or the typed text when unreadable, which it reports). A {@code null} list becomes an empty
 * one and a {@code null} row a blank one; the lists are unmodifiable copies.
 *
 * @param experienceYears 緩和医療の臨床経験の年数（通算）, whole years, {@code null} when not entered
 */
public record Resume(List<Row> education, List<Row> career, List<Row> qualifications, Integer experienceYears) {

    /** One row of a list: 年月日 and the text beside it. */
    public record Row(String date, String text) {}

    public Resume {
        education = copy(education);
        career = copy(career);
        qualifications = copy(qualifications);
    }

    private static List<Row> copy(List<Row> rows) {
        if (rows == null) return List.of();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(r == null ? new Row("", "") : r);
        return Collections.unmodifiableList(out);
    }
}
