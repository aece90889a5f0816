package jp.nintei.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.CaseActionStore;

/**
 * {@link CaseActionStore} in memory, with the DynamoDB store's conditions: an extension creates a draft where there
 * is no item and turns 未提出 back into a draft; reopening needs a submission; a confirmation needs an item; a resend
 * needs a submission whose mail was composed.
 */
public final class InMemoryCaseActionStore implements CaseActionStore {
    /** What one application item holds of the actions' concern. */
    public static final class Case {
        public ApplicationStatus status;
        public LocalDate extendedUntil;
        public boolean hasMail;
        public boolean mailPending;
        public long version;
        public final Map<String, String> confirmed = new HashMap<>();
        public final List<String> history = new ArrayList<>();

        Case(ApplicationStatus status, boolean hasMail) {
            this.status = status;
            this.hasMail = hasMail;
        }
    }

    private final Map<ApplicationKey, Case> cases = new HashMap<>();

    /** An application item in {@code status} ({@code hasMail}: a submission whose confirmation was composed). */
    public InMemoryCaseActionStore put(ApplicationKey key, ApplicationStatus status, boolean hasMail) {
        cases.put(key, new Case(status, hasMail));
        return this;
    }

    public Case get(ApplicationKey key) { return cases.get(key); }

    @Override
    public synchronized void extend(ApplicationKey key, LocalDate until, String note, String actor, Instant at) {
        Case c = cases.computeIfAbsent(key, k -> new Case(ApplicationStatus.DRAFT, false));
        if (c.status == ApplicationStatus.NOT_SUBMITTED) c.status = ApplicationStatus.DRAFT;
        c.extendedUntil = until;
        c.history.add("EXTENDED " + actor + " " + note + "（" + until + "まで）");
    }

    @Override
    public synchronized boolean reopen(ApplicationKey key, LocalDate until, String reason, String actor, Instant at) {
        Case c = cases.get(key);
        if (c == null || c.status != ApplicationStatus.SUBMITTED) return false;
        c.status = ApplicationStatus.DRAFT;
        c.extendedUntil = until;
        c.version++;
        c.mailPending = false;
        c.history.add("REOPENED " + actor + " " + reason);
        return true;
    }

    @Override
    public synchronized boolean confirm(ApplicationKey key, String what, String note, String actor, Instant at) {
        Case c = cases.get(key);
        if (c == null) return false;
        c.confirmed.put(what, at + " " + actor + (note == null || note.isBlank() ? "" : "：" + note));
        c.history.add("CONFIRMED_" + what.toUpperCase(java.util.Locale.ROOT) + " " + actor);
        return true;
    }

    @Override
    public synchronized boolean markMailPending(ApplicationKey key, Instant at) {
        Case c = cases.get(key);
        if (c == null || c.status != ApplicationStatus.SUBMITTED || !c.hasMail) return false;
        c.mailPending = true;
        return true;
    }
}
