package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.inmemory.InMemoryPorts;
import jp.nintei.inmemory.MovableClock;
import jp.nintei.port.ApplicationKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confirmation outbox through the ports in memory: retried until SES takes it, given up after many attempts. */
class MailServiceTest {
    static final String NO = PrimaryApplicationServiceTest.NO;
    static final ApplicationKey KEY = PrimaryApplicationServiceTest.KEY;

    InMemoryPorts ports;
    MailService mail;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts(MovableClock.at(2026, 4, 10, 10, 0));
        ports.table.putMember(PrimaryApplicationServiceTest.MEMBER);
        mail = ports.mailService();
    }

    /** A complete 一次申請 submitted while SES refuses: stored, its mail pending after one attempt. */
    void submitWhileMailFails() {
        PrimaryApplicationServiceTest.uploadFeeReceipt(ports, NO);
        var primary = ports.primaryService();
        long v = primary.save(NO, ApplicationKind.NEW_PRIMARY, ports.table.version(KEY), List.of("13", "27", "01"));
        ports.mailer.failing(true);
        primary.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        assertEquals(MailStatus.State.PENDING, ports.table.mail(KEY).state());
    }

    int retry() { return mail.retryPending(ports.confirmationMails()::forKey); }

    @Test
    void aPendingMailIsRetriedWithTheSameIdOnceItsSubmissionIsAMinuteOld() {
        submitWhileMailFails();
        ports.mailer.failing(false);
        ports.clock.advance(Duration.ofSeconds(30));
        assertEquals(0, retry(), "a fresh submission is left to its own request");
        ports.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, retry());
        MailStatus m = ports.table.mail(KEY);
        assertEquals(MailStatus.State.SENT, m.state());
        assertEquals(2, m.attempts());
        assertEquals(ports.clock.instant(), m.sentAt());
        assertEquals(1, ports.mailer.sent().size());
        assertEquals(m.id(), ports.mailer.sent().get(0).id(), "the same id at every attempt");
        assertEquals("ichiro@example.jp", ports.mailer.sent().get(0).to());
        assertEquals(0, retry(), "a sent mail leaves the outbox");
        assertEquals(1, ports.mailer.sent().size());
    }

    @Test
    void aMailStillRefusedIsCountedAndStaysPending() {
        submitWhileMailFails();
        ports.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, retry());
        ports.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, retry());
        MailStatus m = ports.table.mail(KEY);
        assertEquals(MailStatus.State.PENDING, m.state());
        assertEquals(3, m.attempts());
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(KEY));
    }

    @Test
    void afterManyAttemptsTheMailIsGivenUpAndLeavesTheOutbox() {
        submitWhileMailFails();
        for (int i = 1; i < MailService.MAX_ATTEMPTS; i++) {
            ports.clock.advance(Duration.ofMinutes(5));
            retry();
        }
        assertEquals(MailService.MAX_ATTEMPTS, ports.mailer.attempts());
        assertEquals(MailStatus.State.FAILED, ports.table.mail(KEY).state());

        ports.mailer.failing(false);
        ports.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, retry(), "given up: only the secretariat's resend sends it now");
        assertTrue(ports.mailer.sent().isEmpty());
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(KEY));
    }

    @Test
    void aMailThatIsNotPendingIsNotSentAgain() {
        submitWhileMailFails();
        ports.mailer.failing(false);
        ports.clock.advance(Duration.ofMinutes(2));
        var outgoing = ports.confirmationMails().forKey(KEY).orElseThrow();
        assertTrue(mail.send(outgoing));
        var now = ports.confirmationMails().forKey(KEY).orElseThrow();
        assertTrue(mail.send(now), "already sent counts as sent");
        assertEquals(1, ports.mailer.sent().size());
    }
}
