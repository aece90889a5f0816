package jp.nintei.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.Prefecture;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.export.ExcelCsv;
import jp.nintei.domain.secondary.RequirementCheck;
import jp.nintei.domain.secondary.Requirements;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingEntry;
import jp.nintei.domain.secondary.TrainingRules;
import jp.nintei.port.ApplicationLists;
import jp.nintei.port.ReviewStore;

/**
 * The secretariat's CSV for Excel: one row per applicant of a year and kind, the application's own columns (一次 or
 * 二次) followed by the 書類審査 columns. What a column says changes here; how the file reaches the secretariat is
 * {@link ExportService}'s.
 */
public final class ApplicationExport {
    private final ApplicationLists lists;
    private final ReviewStore reviews;
    private final Supplier<Directory> directory;

    public ApplicationExport(ApplicationLists lists, ReviewStore reviews, Supplier<Directory> directory) {
        this.lists = lists;
        this.reviews = reviews;
        this.directory = directory;
    }

    /** Every application of the year and kind, one row per applicant, for Excel. */
    public byte[] csv(int year, ApplicationKind kind) { return csv(year, kind, (stage, done, total) -> { }); }

    /** How far an export is, for the page that waits for it. */
    public interface ExportProgress {
        void at(String stage, int done, int total);
    }

    /** As {@link #csv(int, ApplicationKind)}, telling {@code progress} how far it is. */
    public byte[] csv(int year, ApplicationKind kind, ExportProgress progress) {
        List<ApplicationLists.ListRow> all = new ArrayList<>();
        String cursor = null;
        do {
            ApplicationLists.Page page = lists.list(year, kind, null, cursor, 500);
            all.addAll(page.rows());
            cursor = page.nextCursor();
            progress.at("一覧を読み込み中", all.size(), 0);
        } while (cursor != null);
        progress.at("会員情報を読み込み中", 0, all.size());
        boolean secondary = kind.stage() == ApplicationKind.Stage.SECONDARY;
        Directory d = secondary ? directory.get() : null;
        List<List<String>> rows = new ArrayList<>(all.size());
        // chunk by chunk: a chunk's applications are let go once they are rows, so the export holds its rows (the
        // CSV's size), never every application of the year at once
        for (int from = 0; from < all.size(); from += CHUNK) {
            progress.at("申請内容を読み込み中", from, all.size());
            List<ApplicationLists.ListRow> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<String> nos = part.stream().map(ApplicationLists.ListRow::memberNo).toList();
            Map<String, Member> people = lists.members(nos);
            List<List<String>> own = secondary ? secondaryRows(part, people, lists.secondaries(year, kind, nos), year, d)
                    : primaryRows(part, people, lists.primaries(year, kind, nos));
            rows.addAll(withReview(own, part, reviews.reviews(year, kind, nos), kind));
        }
        progress.at("CSVを作成中", all.size(), all.size());
        List<String> headers = new ArrayList<>(secondary ? SECONDARY_HEADERS : PRIMARY_HEADERS);
        headers.addAll(REVIEW_HEADERS);
        return ExcelCsv.write(headers, rows);
    }

    /** Applications per read: BatchGetItem's 100 keys, so chunking costs no request more. */
    static final int CHUNK = 100;

    static final List<String> REVIEW_HEADERS = List.of("審査状態", "審査（項目別）", "差し戻し（修正期限）", "判定", "判定理由", "判定者",
            "判定日時");

    /** The review state, each section's mark, the latest 差し戻し and the decision, after the application's own columns. */
    private static List<List<String>> withReview(List<List<String>> rows, List<ApplicationLists.ListRow> all,
                                                 Map<String, jp.nintei.domain.review.Review> reviews, ApplicationKind kind) {
        Map<String, ApplicationStatus> status = new java.util.HashMap<>();
        for (ApplicationLists.ListRow r : all) status.put(r.memberNo(), r.status());
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            String no = row.get(0);
            var r = reviews.getOrDefault(no, jp.nintei.domain.review.Review.NONE);
            var state = jp.nintei.domain.review.ReviewState.effective(r.state(), status.get(no) == ApplicationStatus.SUBMITTED);
            List<String> marks = new ArrayList<>();
            for (var s : jp.nintei.domain.review.ReviewSection.of(kind)) {
                var m = r.marks().get(s);
                if (m != null) marks.add(s.label() + "：" + (m.deficient() ? "不備（" + nz(m.note()) + "）" : "確認済"));
            }
            var q = r.request();
            var d = r.decision();
            List<String> x = new ArrayList<>(row);
            x.addAll(Arrays.asList(state.label(), String.join("\n", marks),
                    q == null ? "" : q.until() + "まで：" + String.join("／", q.items().stream().map(i -> i.section().label()).toList()),
                    d == null ? "" : d.label(), d == null ? "" : nz(d.reason()), d == null ? "" : d.by(), d == null ? "" : time(d.at())));
            out.add(x);
        }
        return out;
    }

    static final List<String> PRIMARY_HEADERS = List.of("会員番号", "氏名", "ふりがな", "メールアドレス", "申請種別", "状態",
            "受付番号", "受付日時", "筆記試験免除", "第一希望", "第二希望", "第三希望", "申請料支払い控え", "SHA-256", "確認メール");

    static final List<String> SECONDARY_HEADERS = List.of("会員番号", "氏名", "ふりがな", "メールアドレス", "申請種別", "状態",
            "受付番号", "受付日時", "認定要件4 症例報告書", "認定要件7 教育セミナー", "認定要件8 会員歴", "認定要件8 会費",
            "学歴", "職歴", "その他の資格・免許", "臨床経験年数", "臨床研修", "研修合計月数", "業績", "医師免許", "受講証",
            "受験用写真", "7月見込み 臨床経験", "7月見込み 臨床研修", "7月見込み 業績書", "7月見込み 受講", "確認メール");

    private static List<List<String>> primaryRows(List<ApplicationLists.ListRow> rows, Map<String, Member> people,
                                                  Map<String, PrimaryApplication> apps) {
        List<List<String>> out = new ArrayList<>();
        for (ApplicationLists.ListRow r : rows) {
            Member m = people.get(r.memberNo());
            PrimaryApplication a = apps.get(r.memberNo());
            if (m == null || a == null) continue;
            Document receipt = a.registered(jp.nintei.domain.application.DocumentPurpose.FEE_RECEIPT).stream().findFirst().orElse(null);
            out.add(Arrays.asList(m.memberNo(), m.name(), m.kana(), m.email(), a.kind().label(), ApplicationQueries.statusLabel(a.status()),
                    nz(a.receiptNo()), time(a.submittedAt()), m.writtenExamExempt() ? "免除" : "",
                    pref(a, 0), pref(a, 1), pref(a, 2), receipt == null ? "" : receipt.fileName(),
                    receipt == null ? "" : receipt.sha256(), mail(a.mail())));
        }
        return out;
    }

    private static List<List<String>> secondaryRows(List<ApplicationLists.ListRow> rows, Map<String, Member> people,
                                                    Map<String, SecondaryApplication> apps, int year, Directory d) {
        List<List<String>> out = new ArrayList<>();
        for (ApplicationLists.ListRow r : rows) {
            Member m = people.get(r.memberNo());
            SecondaryApplication a = apps.get(r.memberNo());
            if (m == null || a == null) continue;
            List<RequirementCheck> req = Requirements.check(m, year, a.duesInProcess());
            List<TrainingEntry> training = SecondaryRules.resolve(a.training(), d);
            List<String> trainingText = new ArrayList<>();
            for (TrainingEntry t : training) {
                trainingText.add(t.category() + " " + (t.facility() == null ? "" : t.facility().name()) + " " + t.from() + "～" + t.to()
                        + " " + (t.supervisor() == null ? "" : t.supervisor().name() + "（" + t.supervisor().qualification() + "）"));
            }
            List<String> achievements = a.achievements().stream()
                    .map(x -> (x.kind() == null ? "" : x.kind().label()) + "「" + nz(x.title()) + "」" + nz(x.date())).toList();
            out.add(Arrays.asList(m.memberNo(), m.name(), m.kana(), m.email(), a.kind().label(), ApplicationQueries.statusLabel(a.status()),
                    nz(a.receiptNo()), time(a.submittedAt()), mark(req.get(0)), mark(req.get(1)), mark(req.get(2)), mark(req.get(3)),
                    rows(a.resume().education()), rows(a.resume().career()), rows(a.resume().qualifications()),
                    a.resume().experienceYears() == null ? "" : a.resume().experienceYears().toString(),
                    String.join("\n", trainingText), Integer.toString(TrainingRules.totalMonths(training)),
                    String.join("\n", achievements), file(a, a.identity().licenseId()), file(a, a.identity().courseId()),
                    file(a, a.identity().photoId()), box(a.july().experience()), box(a.july().training()),
                    box(a.july().achievements()), box(a.july().course()), mail(a.mail())));
        }
        return out;
    }

    private static String pref(PrimaryApplication a, int i) {
        String c = a.preferences().get(i);
        return c == null ? "" : Prefecture.name(c);
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : ConfirmationMail.JST_LABEL.format(t.atZone(AppClock.JST));
    }

    private static String mail(jp.nintei.domain.application.MailStatus m) {
        if (m == null) return "";
        return switch (m.state()) {
            case PENDING -> "未送信（再送待ち）";
            case FAILED -> "送信失敗（要再送）";
            case BOUNCED -> "不達（宛先に届きませんでした）";
            case COMPLAINED -> "迷惑メール報告あり";
            case SENT -> "送信済";
        };
    }

    private static String mark(RequirementCheck c) { return c.met() ? (c.flagged() ? "手続き中" : "✓") : "×"; }

    private static String box(boolean b) { return b ? "✓" : ""; }

    private static String rows(List<Resume.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Resume.Row r : rows) if (r.text() != null && !r.text().isBlank()) out.add(nz(r.date()) + " " + r.text());
        return String.join("\n", out);
    }

    private static String file(SecondaryApplication a, String id) {
        Document d = a.document(id);
        return d == null ? "" : d.fileName();
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
