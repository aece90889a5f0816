package jp.nintei.service;

import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.platform.Log;
import jp.nintei.port.AccountStore;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.MailEventStore;

/**
 * SES bounce and complaint events (configuration set → SNS → MailEventsFunction) recorded on the mail they
 * concern, found by our stable mail id (the {@code X-Nintei-Mail-Id} header SES repeats in every event): a
 * confirmation mail on its application (shown in the secretariat's follow-ups), an invitation, a reset code or an
 * address-change mail on the account when it is the account's latest (shown in the accounts list). Other mails and other event types are logged and left alone.
 */
public final class MailEventService {
    public static final String MAIL_ID_HEADER = "X-Nintei-Mail-Id";
    private static final Pattern CONFIRMATION = Pattern.compile("submitted-(\\d{4})-([A-Z_]+)-([0-9A-Za-z]+)(-v\\d+)?");
    private static final Pattern ACCOUNT_MAIL = Pattern.compile("(invitation|password|address)-([0-9A-Za-z]+)-\\d+");

    /** What one event did: {@code recorded} false when no mail of ours matched (unknown id, or a newer mail since). */
    public record Outcome(String mailId, String state, boolean recorded) {}

    private final MailEventStore applications;
    private final AccountStore accounts;
    private final Clock clock;

    public MailEventService(MailEventStore applications, AccountStore accounts, Clock clock) {
        this.applications = applications;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * One SES event as read from its JSON at the edge (the mail-events handler): the event type ("Bounce",
     * "Complaint", ...), whether a bounce is permanent, the first recipient's diagnostic, and our mail id header.
     */
    public record SesEvent(String type, boolean permanentBounce, String diagnostic, String mailId) {}

    /** An SES event that could not be read at all: logged and left alone. */
    public Outcome unreadable() {
        Log.info("mail-event-unreadable", Map.of());
        return new Outcome(null, null, false);
    }

    /** One SES event record. */
    public Outcome record(SesEvent e) {
        String type = e.type();
        MailStatus.State state;
        String problem;
        if ("Bounce".equals(type)) {
            String diagnostic = e.diagnostic() == null ? "" : e.diagnostic();
            if (e.permanentBounce()) {
                problem = "宛先に届きませんでした（アドレスが存在しない等の恒久的なエラー" + (diagnostic.isBlank() ? "" : "：" + diagnostic)
                        + "）。会員のメールアドレスを確認してください。";
            } else {
                problem = "一時的なエラーで届きませんでした（受信箱の容量超過など" + (diagnostic.isBlank() ? "" : "：" + diagnostic)
                        + "）。時間をおいて再送してください。";
            }
            state = MailStatus.State.BOUNCED;
        } else if ("Complaint".equals(type)) {
            state = MailStatus.State.COMPLAINED;
            problem = "受信者がこのメールを迷惑メールとして報告しました。会員に連絡方法を確認してください。";
        } else {
            Log.info("mail-event-ignored", Map.of("type", String.valueOf(type)));
            return new Outcome(null, null, false);
        }
        String mailId = e.mailId();
        boolean recorded = false;
        if (mailId != null) {
            Matcher c = CONFIRMATION.matcher(mailId);
            Matcher a = ACCOUNT_MAIL.matcher(mailId);
            if (c.matches()) {
                ApplicationKind kind = kind(c.group(2));
                if (kind != null) {
                    recorded = applications.applicationMail(new ApplicationKey(c.group(3), Integer.parseInt(c.group(1)), kind),
                            mailId, state, problem, clock.instant());
                }
            } else if (a.matches()) {
                recorded = accounts.mailEvent(a.group(2), mailId, state, problem, clock.instant());
            }
        }
        Log.info("mail-event", Map.of("type", type, "mailId", String.valueOf(mailId), "recorded", recorded));
        return new Outcome(mailId, state.name(), recorded);
    }

    private static ApplicationKind kind(String name) {
        try {
            return ApplicationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
