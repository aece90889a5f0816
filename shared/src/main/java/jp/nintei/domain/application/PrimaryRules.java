package jp.nintei.domain.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.Member;

/** The rules of 一次申請 (docs/domain.md "Primary application"). Pure. */
public final class PrimaryRules {
    public static final String[] PREFERENCE_LABELS = {"第一希望", "第二希望", "第三希望"};

    private PrimaryRules() {}

    /**
     * Normalises three typed preferences (a JIS code or a prefecture name; blank allowed in a draft) to codes.
     * Problems: an unknown prefecture, or the same prefecture twice.
     */
    public static List<String> normalizePreferences(List<String> typed, List<Problem> problems) {
        List<String> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String raw = typed != null && i < typed.size() ? typed.get(i) : null;
            String field = "preferences[" + i + "]";
            String typedNorm = jp.nintei.domain.JapaneseText.normalize(raw);
            if (typedNorm == null || typedNorm.isEmpty() || typedNorm.equals("---")) {
                codes.add(null);
                continue;
            }
            String code = Prefecture.code(raw);
            if (code == null) {
                problems.add(new Problem("UNKNOWN_PREFECTURE", field,
                        PREFERENCE_LABELS[i] + "は一覧から都道府県を選んでください。"));
                codes.add(null);
            } else if (!seen.add(code)) {
                problems.add(new Problem("DUPLICATE_PREFERENCE", field,
                        PREFERENCE_LABELS[i] + "に" + Prefecture.name(code) + "が重複しています。異なる都道府県を選んでください。"));
                codes.add(code);
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /** What still keeps the application from being submitted; empty when it is complete. */
    public static List<Problem> missing(PrimaryApplication app, Member member) {
        List<Problem> out = new ArrayList<>();
        if (app.registered(DocumentPurpose.FEE_RECEIPT).isEmpty()) {
            out.add(new Problem("FEE_RECEIPT_REQUIRED", "feeReceipt",
                    "申請料支払い控えをアップロードしてください。"));
        }
        List<Problem> prefs = new ArrayList<>();
        normalizePreferences(app.preferences(), prefs);
        out.addAll(prefs);
        if (!member.writtenExamExempt()) {
            for (int i = 0; i < 3; i++) {
                if (app.preferences().get(i) == null) {
                    out.add(new Problem("PREFERENCE_REQUIRED", "preferences[" + i + "]",
                            "筆記試験受験希望地の" + PREFERENCE_LABELS[i] + "を選んでください。"));
                }
            }
        }
        return out;
    }
}
