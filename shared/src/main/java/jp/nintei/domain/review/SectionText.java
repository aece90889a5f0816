package jp.nintei.domain.review;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.Prefecture;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingEntry;

/**
 * Each section of an application as readable lines (Japanese labels, files by name and SHA-256): what a 差し戻し
 * keeps as "before", and what the reviewer compares on resubmission. Lines, not JSON, so that the difference reads
 * as the applicant's own entries.
 */
public final class SectionText {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu年M月");

    private SectionText() {}

    /** One section's change since the 差し戻し: lines gone and lines new, in order. */
    public record Change(ReviewSection section, List<String> removed, List<String> added) {
        public boolean changed() { return !removed.isEmpty() || !added.isEmpty(); }
    }

    public static Map<ReviewSection, List<String>> of(PrimaryApplication a) {
        Map<ReviewSection, List<String>> out = new EnumMap<>(ReviewSection.class);
        List<String> prefs = new ArrayList<>();
        String[] n = {"第一希望", "第二希望", "第三希望"};
        for (int i = 0; i < 3; i++) {
            String c = i < a.preferences().size() ? a.preferences().get(i) : null;
            prefs.add(n[i] + "：" + (c == null ? "（なし）" : Prefecture.name(c)));
        }
        out.put(ReviewSection.PREFERENCES, prefs);
        out.put(ReviewSection.RECEIPT, a.documents().stream().filter(Document::registered).map(SectionText::file).toList());
        return out;
    }

    public static Map<ReviewSection, List<String>> of(SecondaryApplication a, Directory directory) {
        Map<ReviewSection, List<String>> out = new EnumMap<>(ReviewSection.class);
        List<String> top = new ArrayList<>();
        top.add("当該年度会費 手続き中：" + (a.duesInProcess() ? "あり" : "なし"));
        for (String j : july(a.july())) top.add("7月実績見込み：" + j);
        out.put(ReviewSection.REQUIREMENTS, top);

        List<String> resume = new ArrayList<>();
        rows(resume, "学歴", a.resume().education());
        rows(resume, "職歴", a.resume().career());
        rows(resume, "その他の資格・免許", a.resume().qualifications());
        resume.add("緩和医療の臨床経験の年数（通算）：" + (a.resume().experienceYears() == null ? "（未入力）" : a.resume().experienceYears() + "年"));
        out.put(ReviewSection.RESUME, resume);

        List<String> training = new ArrayList<>();
        List<TrainingEntry> resolved = SecondaryRules.resolve(a.training(), directory);
        for (int i = 0; i < resolved.size(); i++) {
            TrainingEntry t = resolved.get(i);
            training.add("証明書" + (i + 1) + "：" + nz(t.category()) + "／"
                    + (t.facility() == null ? "（施設未選択）" : t.facility().name() + "（" + t.facility().type() + "）")
                    + "／" + (t.from() == null ? "" : MONTH.format(t.from())) + "～" + (t.to() == null ? "" : MONTH.format(t.to()))
                    + "／指導者 " + (t.supervisor() == null ? "（未選択）" : t.supervisor().name() + "（" + t.supervisor().qualification() + "）")
                    + "／" + doc(a, t.certificateDocumentId()));
        }
        out.put(ReviewSection.TRAINING, training);

        List<String> achievements = new ArrayList<>();
        for (int i = 0; i < a.achievements().size(); i++) {
            Achievement x = a.achievements().get(i);
            achievements.add("業績" + (i + 1) + "：" + (x.kind() == null ? "" : x.kind().label()) + "／" + nz(x.status()) + "／「"
                    + nz(x.title()) + "」／" + nz(x.authors()) + "／" + nz(x.venue()) + "／" + nz(x.date()) + "／" + doc(a, x.copyDocumentId()));
        }
        out.put(ReviewSection.ACHIEVEMENTS, achievements);

        out.put(ReviewSection.IDENTITY, List.of("医師免許：" + doc(a, a.identity().licenseId()),
                "受講証：" + doc(a, a.identity().courseId()), "受験用写真：" + doc(a, a.identity().photoId())));
        return out;
    }

    /** The 7月実績見込み boxes ticked, in Japanese. */
    public static List<String> july(JulyProjection j) {
        List<String> out = new ArrayList<>();
        if (j.experience()) out.add(JulyProjection.EXPERIENCE_LABEL);
        if (j.training()) out.add(JulyProjection.TRAINING_LABEL);
        if (j.achievements()) out.add(JulyProjection.ACHIEVEMENTS_LABEL);
        if (j.course()) out.add(JulyProjection.COURSE_LABEL);
        return out;
    }

    /** What changed in each section between {@code before} (at the 差し戻し) and {@code now}. */
    public static Map<ReviewSection, Change> diff(Map<ReviewSection, List<String>> before, Map<ReviewSection, List<String>> now) {
        Map<ReviewSection, Change> out = new LinkedHashMap<>();
        for (Map.Entry<ReviewSection, List<String>> e : now.entrySet()) {
            List<String> was = before.getOrDefault(e.getKey(), List.of());
            List<String> is = e.getValue();
            out.put(e.getKey(), new Change(e.getKey(), is.isEmpty() && was.isEmpty() ? List.of()
                    : was.stream().filter(l -> !is.contains(l)).toList(), is.stream().filter(l -> !was.contains(l)).toList()));
        }
        return out;
    }

    private static void rows(List<String> out, String label, List<Resume.Row> rows) {
        for (Resume.Row r : rows) {
            if ((r.text() == null || r.text().isBlank()) && (r.date() == null || r.date().isBlank())) continue;
            out.add(label + "：" + nz(r.date()) + " " + nz(r.text()));
        }
    }

    private static String doc(SecondaryApplication a, String id) {
        Document d = a.document(id);
        return d == null ? "（ファイルなし）" : file(d);
    }

    private static String file(Document d) {
        return d.fileName() + "（SHA-256 " + d.sha256().substring(0, Math.min(12, d.sha256().length())) + "…）";
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
