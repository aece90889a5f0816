package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.account.AccountState;
import jp.nintei.inmemory.InMemoryAccountStore;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.port.MemberAccounts;
import org.junit.jupiter.api.Test;

/** The account queue an import fills, the invitation and its resend, on the in-memory ports. */
class MemberAccountServiceTest {
    final InMemoryAccountStore accounts = new InMemoryAccountStore();
    final InMemoryApplicationLists profiles = new InMemoryApplicationLists();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final Pool pool = new Pool();
    final AdminFixtures.RecordingMailer mailer = new AdminFixtures.RecordingMailer();
    final MemberAccountService service = new MemberAccountService(accounts, profiles, audit, pool, mailer,
            AdminFixtures.SITE, AdminFixtures.at("2026-03-01T10:00"));

    void queued(String no, String email) {
        profiles.put(AdminFixtures.member(no, email));
        accounts.queue(no, email, Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void aQueuedMemberIsCreatedAndInvitedAndLeavesTheQueue() {
        queued("10000001", "a@example.jp");
        assertEquals(1, service.workQueue(Duration.ofSeconds(10)));
        assertEquals("NONE->created a@example.jp", pool.log.get(0));
        assertEquals(AccountState.INVITED, accounts.find("10000001").orElseThrow().state());
        assertEquals(List.of(), accounts.queued(10));
        assertEquals("a@example.jp", mailer.sent.get(0).to());
        assertTrue(mailer.sent.get(0).id().startsWith("invitation-10000001-"), mailer.sent.get(0).id());
    }

    @Test
    void aMemberWhoHasAPasswordKeepsItAndIsOnlyToldTheNewAddress() {
        queued("10000001", "new@example.jp");
        pool.status.put("10000001", MemberAccounts.Status.CONFIRMED);
        service.workQueue(Duration.ofSeconds(10));
        assertEquals(List.of("CONFIRMED->email new@example.jp"), pool.log);
        assertEquals(AccountState.ACTIVE, accounts.find("10000001").orElseThrow().state());
        assertTrue(mailer.sent.get(0).id().startsWith("address-10000001-"), mailer.sent.get(0).id());
        assertEquals(mailer.sent.get(0).id(), accounts.find("10000001").orElseThrow().mailId(), "its bounce would be recorded");
    }

    @Test
    void anAddressChangeThatCannotRecordItsMailIdStillLeavesAWorkingAccount() {
        queued("10000001", "new@example.jp");
        pool.status.put("10000001", MemberAccounts.Status.CONFIRMED);
        accounts.mailSentFails = new IllegalStateException("throttled");
        service.workQueue(Duration.ofSeconds(10));
        assertEquals(AccountState.ACTIVE, accounts.find("10000001").orElseThrow().state(), "never FAILED for a mail id not recorded");
        assertEquals(1, mailer.sent.size());
    }

    @Test
    void aRefusalIsRecordedOnThatMemberAndTheRunGoesOn() {
        queued("10000001", "bad@example.jp");
        queued("10000002", "b@example.jp");
        pool.refuse.put("10000001", "Invalid email address format.");
        assertEquals(2, service.workQueue(Duration.ofSeconds(10)));
        var failed = accounts.find("10000001").orElseThrow();
        assertEquals(AccountState.FAILED, failed.state());
        assertTrue(failed.reason().contains("Invalid email address format."), failed.reason());
        assertEquals(AccountState.INVITED, accounts.find("10000002").orElseThrow().state());
    }

    @Test
    void theRateLimitEndsTheRunAndLeavesTheRestQueued() {
        queued("10000001", "a@example.jp");
        queued("10000002", "b@example.jp");
        pool.busy = true;
        assertEquals(0, service.workQueue(Duration.ofSeconds(10)));
        assertEquals(List.of("10000001", "10000002"), accounts.queued(10));
    }

    @Test
    void theResendIsRefusedForAnUnknownOrActiveMemberAndSaysWhenTheIdentityProviderIsBusy() {
        assertEquals(Rejection.Kind.NOT_FOUND, assertThrows(Rejection.class, () -> service.resendInvitation("99999999", "x")).kind());
        queued("10000001", "a@example.jp");
        accounts.active("10000001", null, Instant.parse("2026-03-01T00:00:00Z"));
        Rejection active = assertThrows(Rejection.class, () -> service.resendInvitation("10000001", "x"));
        assertEquals(Rejection.Kind.CONFLICT, active.kind());
        assertEquals("ALREADY_ACTIVE", active.code());
        queued("10000002", "b@example.jp");
        pool.busy = true;
        Rejection busy = assertThrows(Rejection.class, () -> service.resendInvitation("10000002", "x"));
        assertEquals(Rejection.Kind.TOO_MANY, busy.kind());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void aResentInvitationIsAFreshTemporaryPasswordAndIsOnRecord() {
        queued("10000001", "a@example.jp");
        accounts.failed("10000001", "a@example.jp", "招待メールを送信できませんでした", Instant.parse("2026-03-01T00:00:00Z"));
        pool.status.put("10000001", MemberAccounts.Status.FORCE_CHANGE_PASSWORD);
        MemberAccountService.Row row = service.resendInvitation("10000001", "90000001");
        assertEquals("招待済", row.stateLabel());
        assertEquals(List.of("FORCE_CHANGE_PASSWORD->email a@example.jp", "temporary"), pool.log);
        assertEquals("INVITATION_RESENT", audit.all().get(0).action());
        assertEquals("作成失敗", audit.all().get(0).before());
        assertEquals("招待済", audit.all().get(0).after());
    }

    @Test
    void aCursorThatIsNotOneOfOursIsABadRequest() {
        Rejection r = assertThrows(Rejection.class, () -> service.list("zzz", false));
        assertEquals("BAD_CURSOR", r.code());
        assertEquals("cursor", r.field());
    }

    /** The identity provider's side: what each member's user is, and what was asked of it. */
    static final class Pool implements MemberAccounts {
        final Map<String, Status> status = new HashMap<>();
        final Map<String, String> refuse = new HashMap<>();
        final List<String> log = new java.util.ArrayList<>();
        boolean busy;

        @Override
        public Status status(String memberNo) {
            if (busy) throw new Busy("TooManyRequestsException");
            return status.getOrDefault(memberNo, Status.NONE);
        }

        @Override
        public void create(String memberNo, String email, String temporaryPassword) {
            if (refuse.containsKey(memberNo)) throw new Refused(refuse.get(memberNo));
            log.add("NONE->created " + email);
            status.put(memberNo, Status.FORCE_CHANGE_PASSWORD);
        }

        @Override
        public void setTemporaryPassword(String memberNo, String temporaryPassword) { log.add("temporary"); }

        @Override
        public void setPassword(String memberNo, String password) { log.add("password"); }

        @Override
        public void updateEmail(String memberNo, String email) { log.add(status(memberNo) + "->email " + email); }
    }
}
