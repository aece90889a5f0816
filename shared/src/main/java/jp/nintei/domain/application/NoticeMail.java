package jp.nintei.domain.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.review.Review;

/**
 * The mails about an application once it is under way, in Japanese plain text: the reminders before a close, the
 * close report to the secretariat, an individual extension, a reopening and a 差し戻し after 書類審査. (The
 * confirmation of a submission is {@link ConfirmationMail} and {@code SecondaryMail}, the account mails
 * {@code AccountMail}.) The services give each mail its id and send it.
 */
public final class NoticeMail {
    public record Content(String subject, String body) {}

    private static final String SUBJECT = "【日本緩和医療学会】";
    private static final String GREETING = " 様\n\n日本緩和医療学会 認定システムです。\n";
    private static final String FOOTER = "本メールは送信専用のアドレスからお送りしています。お問い合わせは学会事務局までお願いいたします。\n";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private NoticeMail() {}

    /** {@code 2026年7月15日 23:59}: the last moment of a JST day, as every deadline is shown. */
    public static String deadlineLabel(LocalDate last) { return DAY.format(last) + " 23:59"; }

    /**
     * A reminder before the member's last day, naming the real last moment: 「本日（6月30日 23:59）まで」,
     * 「明日（…）まで」, 「7日後（…）まで」; an own deadline (an extension or a 修正期限) is named as theirs.
     */
    public static Content reminder(Member m, ApplicationKind kind, LocalDate lastDay, LocalDate today, boolean ownDeadline, Site site) {
        long days = ChronoUnit.DAYS.between(today, lastDay);
        String when = (days == 0 ? "本日" : days == 1 ? "明日" : days + "日後") + "（" + lastDay.getMonthValue() + "月"
                + lastDay.getDayOfMonth() + "日 23:59）";
        String body = m.name() + GREETING + kind.label() + "の受付は" + when + "までです。\n"
                + (!ownDeadline ? "" : "（あなたの申請期限：" + deadlineLabel(lastDay) + "。個別に設定された期限です）\n")
                + "入力中の申請がまだ「申請」されていません。入力内容は保存されていますので、認定システムのマイページから内容をご確認のうえ、"
                + "期限までに「申請」ボタンを押して申請を完了してください。\n\n"
                + site.loginLines()
                + FOOTER;
        return new Content(SUBJECT + kind.label() + "の受付は" + when + "までです", body);
    }

    /** To the secretariat when a window has closed: per application kind, how many were 申請済 and 未提出. */
    public static Content closeReport(int year, ApplicationWindow w, List<ApplicationKind> kinds,
                                      Map<ApplicationKind, Map<ApplicationStatus, Integer>> counts) {
        StringBuilder body = new StringBuilder("事務局 御中\n\n").append(year).append("年度の受付期間（").append(w.label())
                .append("）が終了しました。\n\n");
        for (ApplicationKind kind : kinds) {
            Map<ApplicationStatus, Integer> c = counts.getOrDefault(kind, Map.of());
            body.append("■ ").append(kind.label()).append('\n')
                    .append("  申請済：").append(c.getOrDefault(ApplicationStatus.SUBMITTED, 0)).append("件\n")
                    .append("  未提出（下書きのまま終了）：").append(c.getOrDefault(ApplicationStatus.NOT_SUBMITTED, 0)).append("件\n");
        }
        body.append("\n一覧と CSV は事務局メニューからご確認いただけます。\n");
        return new Content("【認定システム】" + year + "年度 " + kinds.get(0).label().replaceAll("（.*", "") + " 受付終了のご報告",
                body.toString());
    }

    /** The applicant's own later deadline, set by the secretariat. */
    public static Content extension(Member m, ApplicationKind kind, int year, LocalDate last, Site site) {
        String date = deadlineLabel(last);
        String body = m.name() + GREETING + year + "年度の" + kind.label()
                + "について、あなたの申請期限を延長しました。\n\n■ あなたの申請期限\n" + date + "（日本時間）\n\n"
                + "期限までに、認定システムのマイページから申請を完了してください。\n\n"
                + site.loginLines()
                + FOOTER;
        return new Content(SUBJECT + kind.label() + "の申請期限の延長（" + date + "まで）", body);
    }

    /** A submitted application opened again for correction, with the secretariat's reason. */
    public static Content reopened(Member m, ApplicationKind kind, String reason, LocalDate last, Site site) {
        String body = m.name() + GREETING + kind.label() + "について、事務局より修正のお願いがあります。\n\n"
                + "■ 修正のお願い\n" + reason + "\n\n" + deadlineLabel(last)
                + " までに、認定システムのマイページから修正のうえ、もう一度「申請」ボタンを押してください。\n\n"
                + site.loginLines()
                + FOOTER;
        return new Content(SUBJECT + kind.label() + "の修正のお願い", body);
    }

    /** The 差し戻し of 書類審査: every 不備 as its own item, the 修正期限, and what to do. */
    public static Content returned(Member m, ApplicationKind kind, Review.ReturnRequest request, Site site) {
        StringBuilder b = new StringBuilder();
        b.append(m.name()).append(GREETING).append(kind.label())
                .append("の書類審査の結果、次の項目に不備がありました。\n\n■ 修正をお願いする項目\n");
        int i = 1;
        for (Review.Item item : request.items()) {
            b.append(i++).append(". ").append(item.section().label()).append("\n   ").append(item.note()).append('\n');
        }
        b.append("\n■ 修正期限\n").append(deadlineLabel(request.until())).append("\n\n")
                .append("マイページから").append(kind.label()).append("を開き、上記の項目だけを修正して、もう一度「申請」ボタンを押してください。\n")
                .append("上記以外の項目は変更できません。期限までに再度の申請がない場合は、不受理となることがあります。\n\n")
                .append(site.loginLines())
                .append(FOOTER);
        return new Content(SUBJECT + kind.label() + "の修正のお願い（" + DAY.format(request.until()) + "まで）", b.toString());
    }
}
