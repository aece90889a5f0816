package jp.nintei.domain.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;

/** The Japanese mails of the accounts: invitation, password-reset code, e-mail changed. Plain text. */
public final class AccountMail {
    public record Content(String subject, String body) {}

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final String FOOTER = "\n本メールは送信専用のアドレスからお送りしています。お心当たりのない場合やご不明な点は、学会事務局までお問い合わせください。\n";

    private AccountMail() {}

    public static Content invitation(Member m, String temporaryPassword, Instant validTo, Site site) {
        String body = m.name() + " 様\n\n"
                + "日本緩和医療学会 認定システム（会員専用ページ）のアカウントを作成しました。\n"
                + "初回ログインの際に、ご自身でパスワードを設定してください。\n\n"
                + site.loginLines()
                + "■ ユーザーID\n" + m.memberNo() + "（会員番号）\nまたは " + m.email() + "（メールアドレス）\n\n"
                + "■ 仮パスワード（初回ログイン専用）\n" + temporaryPassword + "\n\n"
                + "■ 初回ログインの手順\n"
                + "1. 認定システムのログイン画面で、上記のユーザーIDと仮パスワードを入力して「ログインする」を押してください。\n"
                + "2. 「パスワードを設定してください」の画面で、新しいパスワード（8文字以上、数字を1文字以上含む）を2回入力してください。\n"
                + "3. 以後は新しいパスワードでログインします。仮パスワードは使えなくなります。\n\n"
                + "仮パスワードの有効期限：" + jst(validTo) + "\n"
                + "期限を過ぎた場合は、ログイン画面の「パスワードをお忘れの方はこちら」からパスワードを設定するか、学会事務局に招待メールの再送をご依頼ください。\n"
                + FOOTER;
        return new Content("【日本緩和医療学会】認定システムへのご招待（初回パスワード設定のお願い）", body);
    }

    public static Content resetCode(Member m, String code, Instant validTo) {
        String body = m.name() + " 様\n\n"
                + "日本緩和医療学会 認定システムで、パスワードの再設定が申し込まれました。\n"
                + "ログイン画面の「確認コード」欄に次のコードを入力し、新しいパスワードを設定してください。\n\n"
                + "■ 確認コード\n" + code + "\n\n"
                + "有効期限：" + jst(validTo) + "（1時間）\n"
                + "お申し込みに心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n"
                + FOOTER;
        return new Content("【日本緩和医療学会】パスワード再設定の確認コード", body);
    }

    public static Content emailChanged(Member m) {
        String body = m.name() + " 様\n\n"
                + "日本緩和医療学会 認定システムに登録されたメールアドレスを、このアドレスに変更しました。\n"
                + "これからは、ユーザーIDとして会員番号（" + m.memberNo() + "）またはこのメールアドレスをご利用ください。パスワードは変わりません。\n"
                + FOOTER;
        return new Content("【日本緩和医療学会】認定システムのメールアドレス変更のお知らせ", body);
    }

    static String jst(Instant t) {
        ZonedDateTime z = t.atZone(JST);
        return z.getYear() + "年" + z.getMonthValue() + "月" + z.getDayOfMonth() + "日 " + z.getHour() + ":"
                + String.format("%02d", z.getMinute());
    }
}
