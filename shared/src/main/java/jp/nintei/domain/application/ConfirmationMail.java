package jp.nintei.domain.application;

import java.time.format.DateTimeFormatter;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;

/** The Japanese confirmation mail of a submitted 一次申請 (subject and plain-text body). Pure. */
public final class ConfirmationMail {
    public static final DateTimeFormatter JST_LABEL = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm");

    public record Content(String subject, String body) {}

    private ConfirmationMail() {}

    public static String receiptNo(PrimaryApplication app) {
        return (app.kind().name().startsWith("TRANSITION") ? "T" : "P") + app.year() + "-" + app.memberNo();
    }

    public static String mailId(PrimaryApplication app) {
        return "submitted-" + app.year() + "-" + app.kind().name() + "-" + app.memberNo();
    }

    public static Content primary(Member member, PrimaryApplication app, YearWindows windows) {
        String kind = app.kind().label();
        StringBuilder b = new StringBuilder(1024);
        b.append(member.name()).append(" 様\n\n");
        b.append("日本緩和医療学会 認定システムです。\n");
        b.append(kind).append("を下記のとおり受け付けました。\n\n");
        b.append("■ 受付内容\n");
        b.append("会員番号：").append(member.memberNo()).append('\n');
        b.append("氏名：").append(member.name()).append('\n');
        b.append("申請種別：").append(kind).append('\n');
        b.append("受付日時：").append(JST_LABEL.format(app.submittedAt().atZone(AppClock.JST))).append("（日本時間）\n");
        b.append("受付番号：").append(app.receiptNo()).append("\n\n");
        b.append("■ 提出書類\n");
        for (Document d : app.documents()) {
            if (!d.registered()) continue;
            b.append(d.purpose().label()).append("：").append(d.fileName()).append('\n');
            b.append("  SHA-256：").append(d.sha256()).append('\n');
        }
        b.append("\n■ 筆記試験受験希望地\n");
        boolean any = false;
        for (int i = 0; i < 3; i++) {
            String code = app.preferences().get(i);
            if (code != null) any = true;
            b.append(PrimaryRules.PREFERENCE_LABELS[i]).append("：")
                    .append(code == null ? "（未登録）" : Prefecture.name(code)).append('\n');
        }
        if (!any && member.writtenExamExempt()) b.append("※筆記試験免除者のため登録不要です。\n");
        b.append("\n■ 今後の流れ\n");
        b.append("6月に二次申請を行ってください（").append(windows.secondary().label()).append("）。\n");
        b.append("一次申請をされた方のみ、二次申請が可能です。\n");
        b.append("「申請」ボタンをクリック後のため、申請内容の修正はできません。申請内容は認定システムのマイページでご確認いただけます。\n\n");
        b.append("本メールは送信専用のアドレスからお送りしています。お問い合わせは学会事務局までお願いいたします。\n");
        // the stable id travels in the X-Nintei-Mail-Id header only (SesMailer): a raw id line means nothing to the member
        return new Content("【日本緩和医療学会】" + kind + "を受け付けました（受付番号 " + app.receiptNo() + "）", b.toString());
    }
}
