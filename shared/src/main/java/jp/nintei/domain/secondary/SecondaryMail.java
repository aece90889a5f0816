package jp.nintei.domain.secondary;

import java.time.YearMonth;
import java.util.List;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.directory.Directory;

/** The Japanese confirmation mail of a submitted 二次申請: every section, every file with SHA-256, the July items. Pure. */
public final class SecondaryMail {
    private SecondaryMail() {}

    public static String receiptNo(SecondaryApplication app) {
        return (app.kind().name().startsWith("TRANSITION") ? "TS" : "S") + app.year() + "-" + app.memberNo();
    }

    public static String mailId(SecondaryApplication app) {
        return "submitted-" + app.year() + "-" + app.kind().name() + "-" + app.memberNo();
    }

    public static ConfirmationMail.Content compose(Member member, SecondaryApplication app, Directory directory) {
        String kind = app.kind().label();
        StringBuilder b = new StringBuilder(4096);
        b.append(member.name()).append(" 様\n\n日本緩和医療学会 認定システムです。\n");
        b.append(kind).append("を下記のとおり受け付けました。\n\n■ 受付内容\n");
        b.append("会員番号：").append(member.memberNo()).append('\n');
        b.append("氏名：").append(member.name()).append('\n');
        b.append("申請種別：").append(kind).append('\n');
        b.append("受付日時：").append(ConfirmationMail.JST_LABEL.format(app.submittedAt().atZone(AppClock.JST))).append("（日本時間）\n");
        b.append("受付番号：").append(app.receiptNo()).append("\n\n");

        b.append("■ 認定要件\n");
        for (RequirementCheck c : Requirements.check(member, app.year(), app.duesInProcess())) {
            b.append(c.requirement().number()).append(' ').append(c.requirement().label()).append("：")
                    .append(c.met() ? (c.flagged() ? "手続き中（事務局が入金を確認します）" : "✓") : "未充足").append('\n');
        }

        Resume r = app.resume();
        b.append("\n■ 1. 申請書・履歴書（認定要件2）\n");
        rows(b, "学歴", r.education());
        rows(b, "職歴", r.career());
        rows(b, "その他の資格・免許", r.qualifications());
        b.append("緩和医療の臨床経験の年数（通算）：").append(r.experienceYears()).append("年\n");

        b.append("\n■ 2. 臨床研修修了証明書（認定要件3）\n");
        List<TrainingEntry> entries = SecondaryRules.resolve(app.training(), directory);
        for (int i = 0; i < entries.size(); i++) {
            TrainingEntry e = entries.get(i);
            b.append("証明書").append(i + 1).append("：").append(e.category()).append(" ")
                    .append(e.facility() == null ? "" : e.facility().name()).append("、")
                    .append(month(e.from())).append("～").append(month(e.to())).append("、指導者 ")
                    .append(e.supervisor() == null ? "" : e.supervisor().name() + "（" + e.supervisor().qualification() + "）")
                    .append('\n');
        }
        files(b, app, app.training().stream().map(TrainingRef::certificateDocumentId).distinct().toList());

        b.append("\n■ 3. 業績書（認定要件6）\n");
        for (int i = 0; i < app.achievements().size(); i++) {
            Achievement a = app.achievements().get(i);
            b.append("業績").append(i + 1).append("：").append(a.kind() == null ? "" : a.kind().label()).append("「")
                    .append(a.title()).append("」").append(a.authors()).append("、").append(a.venue()).append("、").append(a.date());
            if (a.status() != null && a.kind() != null && a.kind().paper()) b.append("（").append(a.status()).append("）");
            b.append('\n');
        }
        files(b, app, app.achievements().stream().map(Achievement::copyDocumentId).distinct().toList());

        b.append("\n■ 4. 医師免許・受講証・受験用写真（認定要件1・5）\n");
        IdentityDocuments ids = app.identity();
        files(b, app, java.util.Arrays.asList(ids.licenseId(), ids.courseId(), ids.photoId()));

        JulyProjection j = app.july();
        b.append("\n■ 7月時点の見込み実績を含むもの\n");
        if (!j.experience() && !j.training() && !j.achievements() && !j.course()) b.append("なし\n");
        if (j.experience()) b.append("・").append(JulyProjection.EXPERIENCE_LABEL).append('\n');
        if (j.training()) b.append("・").append(JulyProjection.TRAINING_LABEL).append('\n');
        if (j.achievements()) b.append("・").append(JulyProjection.ACHIEVEMENTS_LABEL).append('\n');
        if (j.course()) b.append("・").append(JulyProjection.COURSE_LABEL).append('\n');
        if (j.needsFollowUp()) {
            b.append("※").append(j.achievements() ? "「業績書」" : "").append(j.course() ? "「受講」" : "")
                    .append("の実績の結果を ").append(app.year()).append("年7月31日までに学会事務局にご連絡ください。\n");
        }

        b.append("\n■ 今後の流れ\n申請内容を事務局で確認し、筆記試験のご案内をお送りします。");
        b.append("「申請」ボタンをクリック後のため、申請内容の修正はできません。\n\n");
        b.append("本メールは送信専用のアドレスからお送りしています。お問い合わせは学会事務局までお願いいたします。\n");
        // the stable id travels in the X-Nintei-Mail-Id header only (SesMailer): a raw id line means nothing to the member
        return new ConfirmationMail.Content("【日本緩和医療学会】" + kind + "を受け付けました（受付番号 " + app.receiptNo() + "）",
                b.toString());
    }

    private static void rows(StringBuilder b, String label, List<Resume.Row> rows) {
        b.append(label).append("：\n");
        for (Resume.Row r : rows) {
            if ((r.date() == null || r.date().isBlank()) && (r.text() == null || r.text().isBlank())) continue;
            b.append("  ").append(r.date()).append(' ').append(r.text()).append('\n');
        }
    }

    private static void files(StringBuilder b, SecondaryApplication app, List<String> ids) {
        for (String id : ids) {
            Document d = app.document(id);
            if (d == null) continue;
            b.append("  ").append(d.purpose().label()).append("：").append(d.fileName()).append("（SHA-256：")
                    .append(d.sha256()).append("）\n");
        }
    }

    private static String month(YearMonth m) { return m == null ? "" : m.getYear() + "年" + m.getMonthValue() + "月"; }
}
