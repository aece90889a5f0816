package jp.nintei.inmemory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.nintei.domain.account.AccountState;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.AccountStore;

/**
 * {@link AccountStore} in memory, as the DynamoDB store behaves: the queue in the order queued (INVITED, ACTIVE and
 * FAILED take a member off it), the list by 会員番号 with a numeric cursor, the reset codes counted per hour.
 */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, Instant> queue = new LinkedHashMap<>();
    /** When set, {@link #mailSent} fails with it, as a throttled DynamoDB write would after the SDK's retries. */
    public volatile RuntimeException mailSentFails;

    private static Account with(Account a, String memberNo, String email, AccountState state, String reason, Instant invitedAt,
                                Instant validTo, String mailId, MailStatus.State mailState, String mailProblem, Instant at) {
        Account b = a == null ? new Account(memberNo, null, AccountState.QUEUED, null, null, null, null, null, null, null, null, 0, 0, null,
                at) : a;
        return new Account(memberNo, email == null ? b.email() : email, state, reason, invitedAt, validTo, mailId, mailState,
                mailProblem, b.resetHash(), b.resetValidTo(), b.resetAttempts(), b.resetsSent(), b.resetsSince(), at);
    }

    @Override
    public synchronized Optional<Account> find(String memberNo) { return Optional.ofNullable(accounts.get(memberNo)); }

    @Override
    public synchronized Map<String, Account> find(Collection<String> memberNos) {
        Map<String, Account> out = new LinkedHashMap<>();
        for (String no : memberNos) if (accounts.containsKey(no)) out.put(no, accounts.get(no));
        return out;
    }

    @Override
    public synchronized List<String> queued(int limit) { return queue.keySet().stream().limit(limit).toList(); }

    @Override
    public synchronized void queue(String memberNo, String email, Instant at) {
        accounts.put(memberNo, with(null, memberNo, email, AccountState.QUEUED, null, null, null, null, null, null, at));
        queue.remove(memberNo);
        queue.put(memberNo, at);
    }

    @Override
    public synchronized void invited(String memberNo, String email, String mailId, Instant validTo, Instant at) {
        accounts.put(memberNo, with(accounts.get(memberNo), memberNo, email, AccountState.INVITED, null, at, validTo, mailId, MailStatus.State.SENT, null, at));
        queue.remove(memberNo);
    }

    @Override
    public synchronized void active(String memberNo, String email, Instant at) {
        Account a = accounts.get(memberNo);
        accounts.put(memberNo, with(a, memberNo, email, AccountState.ACTIVE, null, a == null ? null : a.invitedAt(), null,
                a == null ? null : a.mailId(), a == null ? null : a.mailState(), a == null ? null : a.mailProblem(), at));
        queue.remove(memberNo);
    }

    @Override
    public synchronized void failed(String memberNo, String email, String reason, Instant at) {
        Account a = accounts.get(memberNo);
        accounts.put(memberNo, with(a, memberNo, email, AccountState.FAILED, reason, a == null ? null : a.invitedAt(),
                a == null ? null : a.validTo(), a == null ? null : a.mailId(), a == null ? null : a.mailState(),
                a == null ? null : a.mailProblem(), at));
        queue.remove(memberNo);
    }

    @Override
    public synchronized Page page(String cursor, int limit, boolean problemsOnly, Instant now) {
        List<Account> all = new ArrayList<>();
        for (Account a : accounts.values()) {
            boolean problem = a.state() == AccountState.FAILED || a.mailState() == MailStatus.State.BOUNCED || a.mailState() == MailStatus.State.COMPLAINED
                    || (a.state() == AccountState.INVITED && a.validTo() != null && a.validTo().isBefore(now));
            if (!problemsOnly || problem) all.add(a);
        }
        return OffsetPaging.page(all, cursor, limit, Page::new);
    }

    @Override
    public synchronized boolean saveResetCode(String memberNo, String hash, Instant validTo, Instant at, int maxPerHour,
                                              AccountState ifNoRecord) {
        Account a = accounts.get(memberNo);
        boolean newHour = a == null || a.resetsSince() == null || a.resetsSince().isBefore(at.minus(Duration.ofHours(1)));
        if (!newHour && a.resetsSent() >= maxPerHour) return false;
        Account b = a == null ? new Account(memberNo, null, ifNoRecord, null, null, null, null, null, null, null, null, 0, 0, null, at) : a;
        accounts.put(memberNo, new Account(memberNo, b.email(), b.state(), b.reason(), b.invitedAt(), b.validTo(), b.mailId(), b.mailState(),
                b.mailProblem(), hash, validTo, 0, newHour ? 1 : b.resetsSent() + 1, newHour ? at : b.resetsSince(), at));
        return true;
    }

    @Override
    public synchronized int resetAttemptFailed(String memberNo) {
        Account a = accounts.get(memberNo);
        if (a == null) return 0;
        accounts.put(memberNo, new Account(memberNo, a.email(), a.state(), a.reason(), a.invitedAt(), a.validTo(), a.mailId(), a.mailState(),
                a.mailProblem(), a.resetHash(), a.resetValidTo(), a.resetAttempts() + 1, a.resetsSent(), a.resetsSince(), a.updatedAt()));
        return a.resetAttempts() + 1;
    }

    @Override
    public synchronized void resetDone(String memberNo, Instant at) {
        Account a = accounts.get(memberNo);
        Account b = a == null ? new Account(memberNo, null, AccountState.ACTIVE, null, null, null, null, null, null, null, null, 0, 0, null, at)
                : a;
        accounts.put(memberNo, new Account(memberNo, b.email(), AccountState.ACTIVE, null, b.invitedAt(), null, b.mailId(), b.mailState(),
                b.mailProblem(), null, null, 0, b.resetsSent(), b.resetsSince(), at));
        queue.remove(memberNo);
    }

    @Override
    public synchronized void mailSent(String memberNo, String mailId, Instant at) {
        if (mailSentFails != null) throw mailSentFails;
        Account a = accounts.get(memberNo);
        if (a == null) return;
        accounts.put(memberNo, new Account(memberNo, a.email(), a.state(), a.reason(), a.invitedAt(), a.validTo(), mailId,
                MailStatus.State.SENT, null, a.resetHash(), a.resetValidTo(), a.resetAttempts(), a.resetsSent(), a.resetsSince(),
                a.updatedAt()));
    }

    @Override
    public synchronized boolean mailEvent(String memberNo, String mailId, MailStatus.State state, String problem, Instant at) {
        Account a = accounts.get(memberNo);
        if (a == null || !mailId.equals(a.mailId())) return false;
        accounts.put(memberNo, new Account(memberNo, a.email(), a.state(), a.reason(), a.invitedAt(), a.validTo(), a.mailId(), state, problem,
                a.resetHash(), a.resetValidTo(), a.resetAttempts(), a.resetsSent(), a.resetsSince(), a.updatedAt()));
        return true;
    }
}
