package jp.nintei.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.nintei.adapter.http.ApiException;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.Prefecture;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.export.ExcelCsv;
import jp.nintei.domain.imports.ImportReport;
import jp.nintei.domain.imports.MemberCsv;
import jp.nintei.domain.secondary.RequirementCheck;
import jp.nintei.domain.secondary.Requirements;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingEntry;
import jp.nintei.domain.secondary.TrainingRules;
import jp.nintei.store.AdminStore;
import jp.nintei.store.ApplicationKey;
import jp.nintei.store.DocumentStorage;
import jp.nintei.store.MemberStore;

/** The secretariat's work: lists with counts, one application in full, the Excel export, windows, imports, audit. */
public final class AdminService {
    public static final int PAGE = 50;

    public record Row(AdminStore.ListRow row, Member member) {}

    public record ListView(int year, ApplicationKind kind, Map<ApplicationStatus, Integer> counts, List<Row> rows, String nextCursor) {}

    /** One application in full, with a short-lived link to every document. */
    public record Detail(Member member, ApplicationKind kind, PrimaryApplication primary, SecondaryApplication secondary,
                         Map<String, String> documentUrls) {}

    public record ImportOutcome(ImportReport<Member> report, List<String> written, int accountsQueued) {}

    /** A facility or supervisor file: rows written (same data again writes the same item: idempotent). */
    public record DirectoryOutcome(ImportReport<?> report) {}

    private final AdminStore admin;
    private final MemberStore members;
    private final DocumentStorage storage;
    private final MemberAccounts accounts;
    private final jp.nintei.store.DirectoryStore directoryStore;
    private Mailer mailer;
    private MailService mail;
    private ConfirmationMails confirmations;

    /** Mail for reopening and resending (set by the wiring; the lists work without it). */
    public AdminService withMail(Mailer mailer, MailService mail, ConfirmationMails confirmations) {
        this.mailer = mailer;
        this.mail = mail;
        this.confirmations = confirmations;
        return this;
    }
    private final Supplier<Directory> directory;
    private final Clock clock;

    public AdminService(AdminStore admin, MemberStore members, DocumentStorage storage, MemberAccounts accounts,
                        Supplier<Directory> directory, jp.nintei.store.DirectoryStore directoryStore, Clock clock) {
        this.admin = admin;
        this.directoryStore = directoryStore;
        this.members = members;
        this.storage = storage;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    public ListView list(int year, ApplicationKind kind, ApplicationStatus status, String cursor) {
        AdminStore.Page page;
        try {
            page = admin.list(year, kind, status, cursor, PAGE);
        } catch (IllegalArgumentException badCursor) {
            throw new ApiException(400, "BAD_CURSOR", "cursor", "ページの指定が正しくありません。一覧を最初から表示し直してください。");
        }
        Map<String, Member> people = admin.members(page.rows().stream().map(AdminStore.ListRow::memberNo).toList());
        List<Row> rows = page.rows().stream().map(r -> new Row(r, people.get(r.memberNo()))).toList();
        // counts on the first page only: the next pages keep what the first one showed
        return new ListView(year, kind, cursor == null ? admin.counts(year, kind) : Map.of(), rows, page.nextCursor());
    }

    public Detail detail(int year, ApplicationKind kind, String memberNo) {
        Member m = admin.members(List.of(memberNo)).get(memberNo);
        if (m == null) throw new ApiException(404, "MEMBER_NOT_FOUND", "会員番号 " + memberNo + " の会員は登録されていません。");
        PrimaryApplication p = null;
        SecondaryApplication s = null;
        List<Document> docs;
        if (kind.stage() == ApplicationKind.Stage.SECONDARY) {
            s = admin.secondaries(year, kind, List.of(memberNo)).get(memberNo);
            docs = s == null ? List.of() : s.documents();
        } else {
            p = admin.primaries(year, kind, List.of(memberNo)).get(memberNo);
            docs = p == null ? List.of() : p.documents();
        }
        if (p == null && s == null) throw new ApiException(404, "APPLICATION_NOT_FOUND", "この会員の" + kind.label() + "はありません。");
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        for (Document d : docs) {
            urls.put(d.id(), storage.presignDownload(DocumentStorage.key(key, d.id()), d.fileName(), d.type().contentType(),
                    DocumentService.PREVIEW_TTL));
        }
        return new Detail(m, kind, p, s, urls);
    }

    /** The detail as {@code actor} opens it: issuing links to an applicant's documents is itself on record. */
    public Detail detail(int year, ApplicationKind kind, String memberNo, String actor) {
        Detail d = detail(year, kind, memberNo);
        if (!d.documentUrls().isEmpty()) {
            try {
                admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "DOCUMENTS_VIEWED", memberNo, kind.slug(), null,
                        "書類 " + d.documentUrls().size() + "件（リンク有効 5分）"));
            } catch (RuntimeException e) {
                jp.nintei.platform.Log.warn("audit", Map.of("event", "DOCUMENTS_VIEWED", "error", e.getClass().getName()));
            }
        }
        return d;
    }

    /** Every application of the year and kind, one row per applicant, for Excel. */
    public byte[] export(int year, ApplicationKind kind) { return export(year, kind, (stage, done, total) -> { }); }

    /** How far an export is, for the page that waits for it. */
    public interface ExportProgress {
        void at(String stage, int done, int total);
    }

    /** As {@link #export(int, ApplicationKind)}, telling {@code progress} how far it is. */
    public byte[] export(int year, ApplicationKind kind, ExportProgress progress) {
        List<AdminStore.ListRow> all = new ArrayList<>();
        String cursor = null;
        do {
            AdminStore.Page page = admin.list(year, kind, null, cursor, 500);
            all.addAll(page.rows());
            cursor = page.nextCursor();
            progress.at("一覧を読み込み中", all.size(), 0);
        } while (cursor != null);
        List<String> nos = all.stream().map(AdminStore.ListRow::memberNo).toList();
        progress.at("会員情報を読み込み中", 0, all.size());
        Map<String, Member> people = admin.members(nos);
        progress.at("申請内容を読み込み中", 0, all.size());
        boolean secondary = kind.stage() == ApplicationKind.Stage.SECONDARY;
        List<List<String>> rows = secondary ? secondaryRows(all, people, admin.secondaries(year, kind, nos), year)
                : primaryRows(all, people, admin.primaries(year, kind, nos));
        progress.at("CSVを作成中", all.size(), all.size());
        List<String> headers = new ArrayList<>(secondary ? SECONDARY_HEADERS : PRIMARY_HEADERS);
        if (reviews != null) {
            headers.addAll(REVIEW_HEADERS);
            rows = withReview(rows, all, reviews.reviews(year, kind, nos), kind);
        }
        return ExcelCsv.write(headers, rows);
    }

    private jp.nintei.store.ReviewStore reviews;

    /** 書類審査 columns in the export (set by the wiring). */
    public AdminService withReviews(jp.nintei.store.ReviewStore reviews) {
        this.reviews = reviews;
        return this;
    }

    static final List<String> REVIEW_HEADERS = List.of("審査状態", "審査（項目別）", "差し戻し（修正期限）", "判定", "判定理由", "判定者",
            "判定日時");

    /** The review state, each section's mark, the latest 差し戻し and the decision, after the application's own columns. */
    private static List<List<String>> withReview(List<List<String>> rows, List<AdminStore.ListRow> all,
                                                 Map<String, jp.nintei.domain.review.Review> reviews, ApplicationKind kind) {
        Map<String, ApplicationStatus> status = new java.util.HashMap<>();
        for (AdminStore.ListRow r : all) status.put(r.memberNo(), r.status());
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

    private static List<List<String>> primaryRows(List<AdminStore.ListRow> rows, Map<String, Member> people,
                                                  Map<String, PrimaryApplication> apps) {
        List<List<String>> out = new ArrayList<>();
        for (AdminStore.ListRow r : rows) {
            Member m = people.get(r.memberNo());
            PrimaryApplication a = apps.get(r.memberNo());
            if (m == null || a == null) continue;
            Document receipt = a.registered(jp.nintei.domain.application.DocumentPurpose.FEE_RECEIPT).stream().findFirst().orElse(null);
            out.add(Arrays.asList(m.memberNo(), m.name(), m.kana(), m.email(), a.kind().label(), statusLabel(a.status()),
                    nz(a.receiptNo()), time(a.submittedAt()), m.writtenExamExempt() ? "免除" : "",
                    pref(a, 0), pref(a, 1), pref(a, 2), receipt == null ? "" : receipt.fileName(),
                    receipt == null ? "" : receipt.sha256(), mail(a.mail())));
        }
        return out;
    }

    private List<List<String>> secondaryRows(List<AdminStore.ListRow> rows, Map<String, Member> people,
                                             Map<String, SecondaryApplication> apps, int year) {
        Directory d = directory.get();
        List<List<String>> out = new ArrayList<>();
        for (AdminStore.ListRow r : rows) {
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
            out.add(Arrays.asList(m.memberNo(), m.name(), m.kana(), m.email(), a.kind().label(), statusLabel(a.status()),
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

    /** 受付期間 of a year as the secretariat sets them (JST dates, open 0:00 to close 23:59:59). */
    public YearWindows windows(int year) { return admin.windows(year); }

    public YearWindows updateWindows(int year, Map<String, String> dates, String actor) {
        YearWindows before = admin.windows(year);
        YearWindows after;
        try {
            after = new YearWindows(year, window(dates, "primary", before.primary()), window(dates, "secondary", before.secondary()),
                    window(dates, "renewal", before.renewal()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "BAD_WINDOW", e.getMessage(), "受付期間の日付が正しくありません。開始日と終了日を確認してください（終了日は開始日以降）。");
        }
        members.putWindows(after);
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "WINDOWS_CHANGED", null, Integer.toString(year),
                describe(before), describe(after)));
        return after;
    }

    private static ApplicationWindow window(Map<String, String> dates, String name, ApplicationWindow current) {
        String opens = dates.get(name + "Opens");
        String closes = dates.get(name + "Closes");
        if (opens == null && closes == null) return current;
        LocalDate o = opens == null ? current.opens() : parse(opens, name + "Opens");
        LocalDate c = closes == null ? current.closes() : parse(closes, name + "Closes");
        if (c.isBefore(o)) throw new IllegalArgumentException(name + "Closes");
        return new ApplicationWindow(o, c);
    }

    private static LocalDate parse(String typed, String field) {
        LocalDate d = jp.nintei.domain.secondary.JapaneseDate.parse(typed);
        if (d == null) throw new IllegalArgumentException(field);
        return d;
    }

    private static String describe(YearWindows w) {
        return "一次 " + w.primary().label() + " / 二次 " + w.secondary().label() + " / 更新 " + w.renewal().label();
    }

    public ImportOutcome importMembers(byte[] file, String actor) {
        ZonedDateTime now = AppClock.now(clock);
        ImportReport<Member> report = emailOfAnotherMemberRejected(sameEmailRejected(MemberCsv.read(file, now.getYear(), now.toLocalDate())));
        List<Member> accepted = report.accepted().stream().map(ImportReport.Accepted::value).toList();
        Map<String, Member> before = admin.members(accepted.stream().map(Member::memberNo).toList());
        java.util.Set<String> needAccount = new java.util.HashSet<>();
        for (Member m : accepted) {
            Member old = before.get(m.memberNo());
            if (old == null || !java.util.Objects.equals(old.email(), m.email())) needAccount.add(m.memberNo());
        }
        List<String> written = admin.upsertMembers(accepted, before, needAccount);
        int queued = needAccount.size();
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "MEMBERS_IMPORTED", null, null, null,
                "行数 " + report.rows() + "、取込 " + report.accepted().size() + "（更新 " + written.size() + "）、エラー "
                        + report.rejected().size()));
        return new ImportOutcome(report, written, queued);
    }

    /**
     * An address already registered for another member is refused (sign-in by it would name neither, and the
     * invitation would reach the wrong person), unless that member's own row of this file moves to another address.
     * Nothing is written for a refused row, so neither member changes.
     */
    ImportReport<Member> emailOfAnotherMemberRejected(ImportReport<Member> report) {
        Map<String, String> owners = admin.emailOwners(report.accepted().stream().map(a -> a.value().email())
                .filter(java.util.Objects::nonNull).toList());
        if (owners.isEmpty()) return report;
        Map<String, String> newAddressOf = new java.util.HashMap<>();
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            newAddressOf.put(a.value().memberNo(), a.value().email() == null ? "" : emailKey(a.value().email()));
        }
        List<ImportReport.Accepted<Member>> accepted = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>(report.rejected());
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            Member m = a.value();
            String key = m.email() == null ? null : emailKey(m.email());
            String owner = key == null ? null : owners.get(key);
            boolean released = owner != null && newAddressOf.containsKey(owner) && !key.equals(newAddressOf.get(owner));
            if (owner != null && !owner.equals(m.memberNo()) && !released) {
                rejected.add(new ImportReport.Rejected(a.line(), "メールアドレス " + m.email() + " は会員番号 " + owner
                        + " の会員が使用しています。1つのメールアドレスは1人の会員だけが使えます。この会員の正しいメールアドレスを入力してください。"));
            } else {
                accepted.add(a);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::line));
        return new ImportReport<>(report.encoding(), report.rows(), accepted, rejected);
    }

    private static String emailKey(String email) {
        return jp.nintei.domain.JapaneseText.normalize(email).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Two members with one e-mail address could not sign in with it (it would name neither): the later rows
     * of the file are rejected with the line of the first.
     */
    static ImportReport<Member> sameEmailRejected(ImportReport<Member> report) {
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        List<ImportReport.Accepted<Member>> accepted = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>(report.rejected());
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            String email = a.value().email();
            Integer first = email == null ? null : firstLine.putIfAbsent(email, a.line());
            if (first != null) {
                rejected.add(new ImportReport.Rejected(a.line(), "メールアドレス " + email + " が" + first
                        + "行目の会員と同じです。会員ごとに別のメールアドレスを入力してください。"));
            } else {
                accepted.add(a);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::line));
        return new ImportReport<>(report.encoding(), report.rows(), accepted, rejected);
    }

    /** 研修施設 or 指導者 master data; the applicants' search sees it within the directory cache's five minutes. */
    public DirectoryOutcome importDirectory(String what, byte[] file, String actor) {
        ImportReport<?> report;
        if ("facilities".equals(what)) {
            ImportReport<jp.nintei.domain.Facility> r = jp.nintei.domain.imports.DirectoryCsv.facilities(file);
            r.accepted().forEach(a -> directoryStore.putFacility(a.value()));
            report = r;
        } else if ("supervisors".equals(what)) {
            ImportReport<jp.nintei.domain.Supervisor> r = jp.nintei.domain.imports.DirectoryCsv.supervisors(file);
            r.accepted().forEach(a -> directoryStore.putSupervisor(a.value()));
            report = r;
        } else {
            throw new ApiException(404, "NOT_FOUND", "取込の種類が正しくありません。");
        }
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, what.toUpperCase(java.util.Locale.ROOT) + "_IMPORTED", null, null,
                null, "行数 " + report.rows() + "、取込 " + report.accepted().size() + "、エラー " + report.rejected().size()));
        return new DirectoryOutcome(report);
    }

    /** 個別の期限延長 (recorded in the item's history and the audit). */
    public void extend(int year, ApplicationKind kind, String memberNo, String until, String reason, String actor) {
        LocalDate last = requiredDate(until, "until");
        LocalDate closes = admin.windows(year).windowFor(kind).closes();
        if (!last.isAfter(closes)) {
            // an extension that ends on or before the close would change nothing: say so instead of accepting it
            throw new ApiException(400, "EXTENSION_NOT_AFTER_CLOSE", "until", "延長後の期限は受付期間の終了日（" + closes.getYear() + "年"
                    + closes.getMonthValue() + "月" + closes.getDayOfMonth() + "日）より後の日付を入力してください。");
        }
        String why = requiredText(reason, "reason", "延長の理由を入力してください。");
        member(memberNo).orElseThrow(() -> new ApiException(404, "MEMBER_NOT_FOUND", "会員番号 " + memberNo + " の会員は登録されていません。"));
        admin.extend(new ApplicationKey(memberNo, year, kind), last, why, actor, clock.instant());
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "DEADLINE_EXTENDED", memberNo, kind.slug(), null,
                last + "まで：" + why));
        mailExtension(member(memberNo).orElse(null), kind, year, last);
    }

    /** The applicant is told their own deadline (best effort: the extension stands, and the menu shows it either way). */
    private void mailExtension(Member m, ApplicationKind kind, int year, LocalDate last) {
        if (mailer == null || m == null || m.email() == null) return;
        String date = last.getYear() + "年" + last.getMonthValue() + "月" + last.getDayOfMonth() + "日 23:59";
        String body = m.name() + " 様\n\n日本緩和医療学会 認定システムです。\n" + year + "年度の" + kind.label()
                + "について、あなたの申請期限を延長しました。\n\n■ あなたの申請期限\n" + date + "（日本時間）\n\n"
                + "期限までに、認定システムのマイページから申請を完了してください。\n\n"
                + "本メールは送信専用のアドレスからお送りしています。お問い合わせは学会事務局までお願いいたします。\n";
        try {
            mailer.send(new Mailer.Mail("extended-" + year + "-" + kind.name() + "-" + m.memberNo() + "-" + last, m.email(),
                    "【日本緩和医療学会】" + kind.label() + "の申請期限の延長（" + date + "まで）", body));
        } catch (Mailer.NotSent e) {
            jp.nintei.platform.Log.warn("extension-mail", Map.of("memberNo", m.memberNo(), "error", e.getMessage()));
        }
    }

    /** Reopens a submitted application for correction until {@code until}; the applicant is mailed the reason. */
    public void reopen(int year, ApplicationKind kind, String memberNo, String until, String reason, String actor) {
        LocalDate last = requiredDate(until, "until");
        String why = requiredText(reason, "reason", "差し戻しの理由を入力してください（申請者にメールで伝わります）。");
        Member m = member(memberNo).orElseThrow(() -> new ApiException(404, "MEMBER_NOT_FOUND", "会員番号 " + memberNo + " の会員は登録されていません。"));
        if (!admin.reopen(new ApplicationKey(memberNo, year, kind), last, why, actor, clock.instant())) {
            throw new ApiException(409, "NOT_SUBMITTED", "申請済みの申請だけを差し戻せます。");
        }
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "REOPENED", memberNo, kind.slug(), "申請済", "下書き（" + last + "まで）：" + why));
        if (mailer != null) {
            String body = m.name() + " 様\n\n日本緩和医療学会 認定システムです。\n" + kind.label() + "について、事務局より修正のお願いがあります。\n\n"
                    + "■ 修正のお願い\n" + why + "\n\n" + last.getYear() + "年" + last.getMonthValue() + "月" + last.getDayOfMonth()
                    + "日 23:59 までに、認定システムのマイページから修正のうえ、もう一度「申請」ボタンを押してください。\n\n"
                    + "本メールは送信専用のアドレスからお送りしています。お問い合わせは学会事務局までお願いいたします。\n";
            try {
                mailer.send(new Mailer.Mail("reopened-" + year + "-" + kind.name() + "-" + memberNo + "-" + clock.instant().toEpochMilli(),
                        m.email(), "【日本緩和医療学会】" + kind.label() + "の修正のお願い", body));
            } catch (Mailer.NotSent e) {
                throw new ApiException(502, "MAIL_NOT_SENT", "差し戻しは登録しましたが、メールを送信できませんでした。時間をおいて申請者へご連絡ください。");
            }
        }
    }

    /** Marks a follow-up confirmed: {@code july} (7月実績の報告を受領) or {@code dues} (会費の入金を確認). */
    public void confirm(int year, ApplicationKind kind, String memberNo, String what, String note, String actor) {
        String field = switch (what == null ? "" : what) {
            case "july" -> "July";
            case "dues" -> "Dues";
            default -> throw new ApiException(400, "BAD_FOLLOW_UP", "what", "確認する項目が正しくありません。");
        };
        String n = jp.nintei.domain.JapaneseText.asTyped(note, true);
        if (!admin.confirm(new ApplicationKey(memberNo, year, kind), field, n, actor, clock.instant())) {
            throw new ApiException(404, "APPLICATION_NOT_FOUND", "この会員の" + kind.label() + "はありません。");
        }
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "CONFIRMED_" + field.toUpperCase(java.util.Locale.ROOT), memberNo,
                kind.slug(), null, n));
    }

    /** Sends a submission's confirmation mail again (e.g. the member did not receive it). */
    public boolean resendMail(int year, ApplicationKind kind, String memberNo, String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        if (!admin.markMailPending(key, clock.instant())) throw new ApiException(409, "NOT_SUBMITTED", "申請済みの申請だけ確認メールを再送できます。");
        boolean sent = confirmations.forKey(key).map(mail::send).orElse(false);
        admin.audit(new AdminStore.AuditEntry(clock.instant(), actor, "MAIL_RESENT", memberNo, kind.slug(), null, sent ? "送信済" : "再送待ち"));
        return sent;
    }

    /** Submitted applications that need the secretariat: July items to be reported, 会費 手続き中. */
    public List<Row> followUps(int year, ApplicationKind kind) {
        List<AdminStore.ListRow> all = new ArrayList<>();
        String cursor = null;
        do {
            AdminStore.Page page = admin.list(year, kind, ApplicationStatus.SUBMITTED, cursor, 500);
            for (AdminStore.ListRow r : page.rows()) {
                if (r.duesInProcess() || (r.july() != null && r.july().needsFollowUp()) || "PENDING".equals(r.mailState()) || "FAILED".equals(r.mailState())
                        || "BOUNCED".equals(r.mailState()) || "COMPLAINED".equals(r.mailState())) all.add(r);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, Member> people = admin.members(all.stream().map(AdminStore.ListRow::memberNo).toList());
        return all.stream().map(r -> new Row(r, people.get(r.memberNo()))).toList();
    }

    private static LocalDate requiredDate(String typed, String field) {
        LocalDate d = typed == null ? null : jp.nintei.domain.secondary.JapaneseDate.parse(typed);
        if (d == null) throw new ApiException(400, "BAD_DATE", field, "期限は 2026-05-15 の形式で入力してください。");
        return d;
    }

    private static String requiredText(String typed, String field, String message) {
        // free text (mailed to the applicant, kept in the audit): as typed, never NFKC; control characters removed
        String t = jp.nintei.domain.JapaneseText.asTyped(typed, true);
        if (t == null || t.isEmpty()) throw new ApiException(400, "REASON_REQUIRED", field, message);
        return t;
    }

    public List<AdminStore.AuditEntry> audit(LocalDate day, String memberNo) {
        if (memberNo != null && !memberNo.isBlank()) return admin.auditOf(jp.nintei.domain.JapaneseText.normalize(memberNo));
        return admin.auditOn(day == null ? AppClock.now(clock).toLocalDate() : day);
    }

    public Optional<Member> member(String memberNo) { return Optional.ofNullable(admin.members(List.of(memberNo)).get(memberNo)); }

    // ---------- cells
    public static String statusLabel(ApplicationStatus s) {
        return switch (s) {
            case DRAFT -> "下書き";
            case SUBMITTED -> "申請済";
            case NOT_SUBMITTED -> "未提出";
        };
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
