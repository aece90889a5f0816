package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.nintei.adapter.http.HttpStatus;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.Mailer;
import org.junit.jupiter.api.Test;

/**
 * The submit steps 一次 and 二次 share, without the stand-ins: the store answers only the calls a submit makes
 * (any other call fails the test), and the "application" is just its mail state.
 */
class SubmitFlowTest {
    private static final ApplicationKey KEY = new ApplicationKey("10000001", 2026, ApplicationKind.NEW_PRIMARY);
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final MailStatus STORED_SENT = new MailStatus("m-v3", MailStatus.State.SENT, 1, Instant.EPOCH);

    private final List<String> calls = new ArrayList<>();
    private final List<String> mailed = new ArrayList<>();

    /** The store: {@code failing} names the calls that throw ({@code submit} throws the given conflict). */
    private ApplicationStore store(Set<String> failing, ApplicationStore.Conflict.Reason conflict) {
        return (ApplicationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ApplicationStore.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (!Set.of("submit", "recordSubmission", "markMailSent", "recordMailAttempt").contains(name)) {
                        throw new AssertionError("a submit does not call " + name);
                    }
                    // submit and markMailSent have a longer form (a default method): either counts as the one call
                    calls.add(name);
                    if (name.equals("submit") && conflict != null) throw new ApplicationStore.Conflict(conflict);
                    if (failing.contains(name)) throw new IllegalStateException(name + " failing");
                    return null;
                });
    }

    private SubmitFlow.Outcome<MailStatus> submit(ApplicationStore store, boolean mailerWorks) {
        MailService mail = new MailService(store, m -> {
            if (!mailerWorks) throw new Mailer.NotSent("SES down", null);
            mailed.add(m.id());
        }, Clock.systemUTC());
        return new SubmitFlow<MailStatus>(store, mail).submit(KEY, 3, null, "R-1", "m-v3", NOW, new SubmitFlow.Application<>() {
            @Override public MailStatus reload() { calls.add("reload"); return STORED_SENT; }

            @Override public MailStatus mailOf(MailStatus s) { return s; }

            @Override public MailStatus submitted(MailStatus m) { return m; }

            @Override public MailService.Outgoing confirmation(MailStatus s) {
                return new MailService.Outgoing(KEY, s, new Mailer.Mail(s.id(), "a@example.jp", "受付", "本文"));
            }
        });
    }

    @Test
    void oneConditionalSubmitThenAuditThenMailRecordedSent() {
        var o = submit(store(Set.of(), null), true);
        assertEquals(List.of("submit", "recordSubmission", "markMailSent"), calls);
        assertEquals(List.of("m-v3"), mailed);
        assertEquals(Boolean.TRUE, o.mailSent());
        assertEquals(MailStatus.State.SENT, o.snapshot().state());
    }

    @Test
    void theSubmissionStandsWhenAuditAndMailFail() {
        var o = submit(store(Set.of("recordSubmission", "recordMailAttempt"), null), false);
        assertEquals(List.of("submit", "recordSubmission", "recordMailAttempt"), calls);
        assertEquals(Boolean.FALSE, o.mailSent(), "answered, not refused: the schedule sends the mail later");
        assertEquals(MailStatus.State.PENDING, o.snapshot().state());
    }

    @Test
    void aParallelSubmitThatWonIsTheAnswerAndNoSecondMailGoesOut() {
        var o = submit(store(Set.of(), ApplicationStore.Conflict.Reason.SUBMITTED), true);
        assertEquals(List.of("submit", "reload"), calls);
        assertEquals(List.of(), mailed);
        assertEquals(STORED_SENT, o.snapshot());
        assertEquals(Boolean.TRUE, o.mailSent());
    }

    @Test
    void aStaleVersionIsRefusedAsBefore() {
        Rejection r = assertThrows(Rejection.class, () -> submit(store(Set.of(), ApplicationStore.Conflict.Reason.STALE), true));
        assertEquals("STALE_VERSION", r.code());
        assertEquals(409, HttpStatus.of(r.kind()));
        assertEquals(List.of(), mailed);
    }
}
