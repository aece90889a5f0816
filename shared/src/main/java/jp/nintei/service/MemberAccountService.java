package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.Site;
import jp.nintei.domain.account.AccountMail;
import jp.nintei.domain.account.AccountState;
import jp.nintei.domain.account.Secrets;
import jp.nintei.platform.Log;
import jp.nintei.port.AccountStore;
import jp.nintei.port.AuditLog;
import jp.nintei.port.Mailer;
import jp.nintei.port.MemberAccounts;
import jp.nintei.port.MemberProfiles;

/**
 * Members' sign-in accounts: the queue an import fills (worked by the accounts schedule), the Japanese invitation
 * with a temporary password for the first sign-in, the secretariat's list of account states and its resend.
 * One failing member never stops the others: a refusal is recorded on that member (作成失敗 with the reason) and
 * the run goes on; only Cognito's rate limit ends a run early, leaving the rest queued for the next one.
 */
public final class MemberAccountService {
    /** The pool's TemporaryPasswordValidityDays (template.yaml): the invitation's validity. */
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final int PAGE = 50;

    public record Row(AccountStore.Account account, Member member, String stateLabel) {}

    public record ListView(List<Row> rows, String nextCursor) {}

    private final AccountStore accounts;
    private final MemberProfiles profiles;
    private final AuditLog audit;
    private final MemberAccounts pool;
    private final Mailer mailer;
    /** named in the invitation: a member who has never seen the system must find its page */
    private final Site site;
    private final Clock clock;

    public MemberAccountService(AccountStore accounts, MemberProfiles profiles, AuditLog audit, MemberAccounts pool, Mailer mailer,
                                Site site, Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.audit = audit;
        this.pool = pool;
        this.mailer = mailer;
        this.site = site;
        this.clock = clock;
    }

    /** Whether members still wait for their account (for the stuck-queue metric). */
    public boolean anyQueued() { return !accounts.queued(1).isEmpty(); }

    /** The accounts schedule's work until {@code budget} runs out. Returns how many queued members were handled. */
    public int workQueue(Duration budget) {
        long until = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (System.nanoTime() < until) {
            List<String> batch = accounts.queued(100);
            if (batch.isEmpty()) break;
            Map<String, Member> people = profiles.members(batch);
            for (String no : batch) {
                if (System.nanoTime() >= until) return done;
                try {
                    invite(no, people.get(no));
                } catch (MemberAccounts.Busy busy) {
                    Log.info("accounts-busy", Map.of("reason", busy.getMessage(), "done", done));
                    return done; // rate limited: the rest stays queued for the next run
                }
                done++;
            }
        }
        return done;
    }

    /**
     * Creates or re-invites one member; every outcome takes the member off the queue (INVITED, ACTIVE or FAILED).
     */
    private AccountStore.Account invite(String memberNo, Member m) {
        Instant now = clock.instant();
        if (m == null || m.email() == null) {
            accounts.failed(memberNo, null, "会員情報にメールアドレスがありません。会員データを取り込み直してください。", now);
            return accounts.find(memberNo).orElse(null);
        }
        try {
            MemberAccounts.Status status = pool.status(memberNo);
            if (status == MemberAccounts.Status.CONFIRMED || status == MemberAccounts.Status.OTHER) {
                // the member already has a password of their own: only the address changes, and they are told so
                pool.updateEmail(memberNo, m.email());
                accounts.active(memberNo, m.email(), now);
                String id = mailId("address", memberNo, now);
                try {
                    send(id, m.email(), AccountMail.emailChanged(m));
                } catch (Mailer.NotSent e) {
                    Log.info("address-mail-not-sent", Map.of("memberNo", memberNo)); // a notice only: the account works
                    return accounts.find(memberNo).orElse(null);
                }
                try {
                    accounts.mailSent(memberNo, id, now); // a bounce shows the new address does not work
                } catch (RuntimeException e) {
                    // the account works and the member is told: an unrecorded mail id must not mark it FAILED
                    Log.warn("address-mail-not-recorded", Map.of("memberNo", memberNo, "error", e.getClass().getSimpleName()));
                }
                return accounts.find(memberNo).orElse(null);
            }
            String temporary = Secrets.temporaryPassword();
            if (status == MemberAccounts.Status.NONE) {
                pool.create(memberNo, m.email(), temporary);
            } else {
                pool.updateEmail(memberNo, m.email());
                pool.setTemporaryPassword(memberNo, temporary);
            }
            Instant validTo = now.plus(INVITATION_VALIDITY);
            String id = mailId("invitation", memberNo, now);
            try {
                send(id, m.email(), AccountMail.invitation(m, temporary, validTo, site));
            } catch (Mailer.NotSent e) {
                accounts.failed(memberNo, m.email(), "招待メールを送信できませんでした（" + e.getMessage()
                        + "）。メールアドレスを確認し、「招待を再送」で送り直してください。", now);
                return accounts.find(memberNo).orElse(null);
            }
            accounts.invited(memberNo, m.email(), id, validTo, now);
        } catch (MemberAccounts.Refused e) {
            accounts.failed(memberNo, m.email(), "認証基盤（Cognito）が作成を拒否しました：" + e.getMessage()
                    + "。会員のメールアドレスを確認して取り込み直すか、「招待を再送」でやり直してください。", now);
            Log.info("account-refused", Map.of("memberNo", memberNo, "reason", e.getMessage()));
        } catch (MemberAccounts.Busy e) {
            throw e;
        } catch (RuntimeException e) {
            accounts.failed(memberNo, m.email(), "作成中にエラーが発生しました（" + e.getClass().getSimpleName()
                    + "）。時間をおいて「招待を再送」でやり直してください。", now);
            Log.info("account-error", Map.of("memberNo", memberNo, "error", e.getClass().getName()));
        }
        return accounts.find(memberNo).orElse(null);
    }

    private void send(String id, String to, AccountMail.Content c) {
        mailer.send(new Mailer.Mail(id, to, c.subject(), c.body()));
    }

    /** Mail ids the SES event function reads back: {@code <what>-<会員番号>-<epoch millis>}. */
    static String mailId(String what, String memberNo, Instant at) { return what + "-" + memberNo + "-" + at.toEpochMilli(); }

    /** 招待を再送: a new temporary password and invitation (expired, failed or undelivered invitations). */
    public Row resendInvitation(String memberNo, String actor) {
        Member m = profiles.members(List.of(memberNo)).get(memberNo);
        if (m == null) throw Rejection.notFound("MEMBER_NOT_FOUND", null, "会員番号 " + memberNo + " の会員は登録されていません。");
        AccountStore.Account before = accounts.find(memberNo).orElse(null);
        boolean active;
        try {
            active = (before != null && before.state() == AccountState.ACTIVE) || pool.status(memberNo) == MemberAccounts.Status.CONFIRMED;
        } catch (MemberAccounts.Busy e) {
            throw new Rejection(Rejection.Kind.TOO_MANY, "BUSY", null, "認証基盤が混み合っています。1分ほど待ってから、もう一度「招待を再送」を押してください。");
        }
        if (active) {
            throw Rejection.conflict("ALREADY_ACTIVE", null, "この会員はすでにパスワードを設定済みです。パスワードを忘れた場合は、ログイン画面の「パスワードをお忘れの方はこちら」をご案内ください。");
        }
        AccountStore.Account after;
        try {
            after = invite(memberNo, m);
        } catch (MemberAccounts.Busy e) {
            throw new Rejection(Rejection.Kind.TOO_MANY, "BUSY", null, "認証基盤が混み合っています。1分ほど待ってから、もう一度「招待を再送」を押してください。");
        }
        audit.record(new AuditLog.Entry(clock.instant(), actor, "INVITATION_RESENT", memberNo, null,
                before == null ? null : before.state().label(), after == null ? null : after.state().label()
                        + (after != null && after.reason() != null ? "：" + after.reason() : "")));
        return row(after, m);
    }

    /** Every account (or only those needing the secretariat: 作成失敗, 招待期限切れ, 不達), 50 a page. */
    public ListView list(String cursor, boolean problemsOnly) {
        AccountStore.Page page;
        try {
            page = accounts.page(cursor, PAGE, problemsOnly, clock.instant());
        } catch (IllegalArgumentException badCursor) {
            throw Rejection.invalid("BAD_CURSOR", "cursor", "ページの指定が正しくありません。一覧を最初から表示し直してください。");
        }
        Map<String, Member> people = profiles.members(page.rows().stream().map(AccountStore.Account::memberNo).toList());
        return new ListView(page.rows().stream().map(a -> row(a, people.get(a.memberNo()))).toList(), page.nextCursor());
    }

    private Row row(AccountStore.Account a, Member m) {
        return new Row(a, m, a == null ? null : AccountState.label(a.state(), a.validTo(), clock.instant()));
    }
}
