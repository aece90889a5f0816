package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.LoginId;
import jp.nintei.domain.Member;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.account.AccountMail;
import jp.nintei.domain.account.AccountState;
import jp.nintei.domain.account.PasswordPolicy;
import jp.nintei.domain.account.Secrets;
import jp.nintei.platform.Log;
import jp.nintei.port.AccountStore;
import jp.nintei.port.Mailer;
import jp.nintei.port.MemberAccounts;
import jp.nintei.port.MemberProfiles;
import jp.nintei.port.MemberStore;

/**
 * パスワードをお忘れの方: a 6-digit code mailed (by us, through SES) to the member's address, then a new password.
 * Ours rather than Cognito's ForgotPassword: Cognito refuses that for a member who never signed in
 * (FORCE_CHANGE_PASSWORD, e.g. an expired invitation) and would mail from its own templates; AdminSetUserPassword
 * works in every state. The answer never says whether the account exists: the same for every user ID.
 */
public final class PasswordResetService {
    public static final Duration CODE_VALIDITY = Duration.ofHours(1);
    public static final int MAX_ATTEMPTS = 5;
    public static final int MAX_CODES_PER_HOUR = 5;

    public static final String CODE_SENT = "ご登録のメールアドレスに確認コードを送信しました（ユーザーIDが登録されている場合）。"
            + "メールに記載の6桁のコードと新しいパスワードを入力してください。メールが届かない場合は、迷惑メールフォルダをご確認のうえ、"
            + "数分後にもう一度お試しいただくか学会事務局にお問い合わせください。";
    public static final String CODE_MISMATCH = "確認コードが正しくないか、有効期限（1時間）が切れています。メールに記載の6桁のコードを入力し直すか、"
            + "「確認コードを再送する」から新しいコードを受け取ってください（同じコードを5回まちがえると、そのコードは使えなくなります）。";

    private final MemberStore members;
    private final MemberProfiles profiles;
    private final AccountStore accounts;
    private final MemberAccounts pool;
    private final Mailer mailer;
    private final Clock clock;

    public PasswordResetService(MemberStore members, MemberProfiles profiles, AccountStore accounts, MemberAccounts pool, Mailer mailer,
                                Clock clock) {
        this.members = members;
        this.profiles = profiles;
        this.accounts = accounts;
        this.pool = pool;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Mails a code when the user ID names a member with an account; the caller answers {@link #CODE_SENT} either way. */
    public void requestCode(String typedId) {
        if (JapaneseText.isBlank(typedId)) throw new Rejection(Rejection.Kind.INVALID, "LOGIN_ID_REQUIRED", "userId", Messages.LOGIN_ID_REQUIRED);
        String memberNo = memberNo(typedId);
        if (memberNo == null) return;
        Member m = profiles.members(List.of(memberNo)).get(memberNo);
        if (m == null || m.email() == null) return;
        MemberAccounts.Status status;
        try {
            status = pool.status(memberNo);
        } catch (MemberAccounts.Busy e) {
            throw busy();
        }
        if (status == MemberAccounts.Status.NONE) return; // not created yet (still queued): the invitation comes
        Instant now = clock.instant();
        String code = Secrets.resetCode();
        AccountState ifNoRecord = status == MemberAccounts.Status.FORCE_CHANGE_PASSWORD ? AccountState.INVITED : AccountState.ACTIVE;
        if (!accounts.saveResetCode(memberNo, Secrets.hash(memberNo, code), now.plus(CODE_VALIDITY), now, MAX_CODES_PER_HOUR, ifNoRecord)) {
            Log.info("reset-code-limit", Map.of("memberNo", memberNo));
            return;
        }
        AccountMail.Content c = AccountMail.resetCode(m, code, now.plus(CODE_VALIDITY));
        String mailId = MemberAccountService.mailId("password", memberNo, now);
        try {
            mailer.send(new Mailer.Mail(mailId, m.email(), c.subject(), c.body()));
        } catch (Mailer.NotSent e) {
            Log.info("reset-code-not-sent", Map.of("memberNo", memberNo, "reason", e.getMessage()));
            return;
        }
        try {
            accounts.mailSent(memberNo, mailId, now); // a bounce of the code is recorded on the account
        } catch (RuntimeException e) {
            // the code is on its way: the member is answered CODE_SENT all the same (a retry would void this code)
            Log.warn("reset-mail-not-recorded", Map.of("memberNo", memberNo, "error", e.getClass().getSimpleName()));
        }
    }

    /** Sets the new password when the code is right; every failure about the code is the same message. */
    public void reset(String typedId, String code, String newPassword) {
        if (JapaneseText.isBlank(typedId)) throw new Rejection(Rejection.Kind.INVALID, "LOGIN_ID_REQUIRED", "userId", Messages.LOGIN_ID_REQUIRED);
        String c = code == null ? "" : JapaneseText.normalize(code).replace(" ", "");
        if (!c.matches("[0-9]{6}")) throw new Rejection(Rejection.Kind.INVALID, "CODE_REQUIRED", "code", "メールに記載の6桁の確認コード（半角数字）を入力してください。");
        String problem = PasswordPolicy.problem(newPassword);
        if (problem != null) throw new Rejection(Rejection.Kind.INVALID, "WEAK_PASSWORD", "password", problem);
        String memberNo = memberNo(typedId);
        if (memberNo == null) throw mismatch();
        AccountStore.Account a = accounts.find(memberNo).orElse(null);
        Instant now = clock.instant();
        if (a == null || a.resetHash() == null || a.resetValidTo() == null || now.isAfter(a.resetValidTo())
                || a.resetAttempts() >= MAX_ATTEMPTS) {
            throw mismatch();
        }
        if (!Secrets.sameHash(a.resetHash(), Secrets.hash(memberNo, c))) {
            accounts.resetAttemptFailed(memberNo);
            throw mismatch();
        }
        try {
            pool.setPassword(memberNo, newPassword);
        } catch (MemberAccounts.WeakPassword e) {
            throw new Rejection(Rejection.Kind.INVALID, "WEAK_PASSWORD", "password", "このパスワードは使えません。" + PasswordPolicy.DESCRIPTION);
        } catch (MemberAccounts.Busy e) {
            throw busy();
        } catch (MemberAccounts.Refused e) {
            Log.info("reset-refused", Map.of("memberNo", memberNo, "reason", e.getMessage()));
            throw mismatch();
        }
        accounts.resetDone(memberNo, now);
    }

    private String memberNo(String typedId) {
        LoginId id = LoginId.parse(typedId);
        if (id == null) return null;
        return id.type() == LoginId.Type.EMAIL ? members.findMemberNoByEmail(id.value()).orElse(null) : id.value();
    }

    private static Rejection mismatch() { return new Rejection(Rejection.Kind.INVALID, "CODE_MISMATCH", "code", CODE_MISMATCH); }

    static Rejection busy() {
        return new Rejection(Rejection.Kind.TOO_MANY, "TOO_MANY_REQUESTS", null, "操作が集中しているため受け付けられませんでした。数分待ってから、もう一度お試しください。");
    }
}
