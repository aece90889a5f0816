package jp.nintei.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.review.Correction;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.port.ApplicationKey;

/**
 * What the one DynamoDB table holds, in memory: member profiles, the year's window items and one item per
 * application. The in-memory stores share it as the DynamoDB stores share the table, so a submission written
 * through one port is what the season's or the mail's port reads. Every access is under this object's lock (one
 * write is atomic, as one conditional UpdateItem is).
 */
public final class InMemoryTable {
    /** One application item (一次 or 二次: the same item shape, as in DynamoDB). */
    static final class Item {
        final ApplicationKey key;
        ApplicationStatus status = ApplicationStatus.DRAFT;
        long version;
        Instant createdAt;
        Instant updatedAt;
        List<String> preferences = new ArrayList<>();
        final Map<String, Document> documents = new LinkedHashMap<>();
        Instant submittedAt;
        String receiptNo;
        MailStatus mail;
        String name;
        String kana;
        LocalDate extendedUntil;
        /** sections a 差し戻し opened; null: every section may change */
        Set<ReviewSection> openSections;
        Correction correction = Correction.NONE;
        /** on the audit queue (GSI3) until its audit line is written */
        boolean auditPending;
        final Set<String> reminded = new java.util.HashSet<>();
        final List<String> history = new ArrayList<>();
        // 二次申請
        boolean duesInProcess;
        JulyProjection july;
        Resume resume;
        List<TrainingRef> training;
        List<Achievement> achievements;
        IdentityDocuments identity;

        Item(ApplicationKey key, Instant now) {
            this.key = key;
            this.createdAt = now;
        }
    }

    /** The year's window item: the dates, the season's recorded states and the year's settings. */
    static final class WindowItem {
        YearWindows windows;
        Integer requiredAchievements;
        final Map<ApplicationKind.Stage, String> state = new HashMap<>();
        final Map<ApplicationKind.Stage, Instant> closedAt = new HashMap<>();
        final Map<ApplicationKind.Stage, Instant> summaryFor = new HashMap<>();
        final Map<ApplicationKind.Stage, Instant> summaryClaimedAt = new HashMap<>();
        final Map<ApplicationKind.Stage, Instant> summarySentAt = new HashMap<>();
    }

    final Map<String, Member> members = new LinkedHashMap<>();
    /** normalised e-mail → 会員番号 (the OWNER claim item) */
    final Map<String, String> emailOwners = new HashMap<>();
    final Map<Integer, WindowItem> windowItems = new HashMap<>();
    final Map<ApplicationKey, Item> items = new LinkedHashMap<>();
    /** the applicants' submission audit lines, by their id (a retry writes the same line again, never a second) */
    final Map<String, String> auditLines = new LinkedHashMap<>();

    // ---- what the secretariat's ports or a fixture would write; here so that a test can set the scene ----

    public synchronized void putMember(Member m) {
        members.put(m.memberNo(), m);
        if (m.email() != null) emailOwners.put(m.email().strip().toLowerCase(java.util.Locale.ROOT), m.memberNo());
    }

    public synchronized void putWindows(YearWindows w) { windowItem(w.year()).windows = w; }

    /** The per-year setting of how many 業績 二次申請 asks for. */
    public synchronized void requireAchievements(int year, int n) { windowItem(year).requiredAchievements = n; }

    /**
     * 個別の期限延長, as the secretariat's extend writes it: a 未提出 application becomes a draft again, the item is
     * created (a draft) if absent.
     */
    public synchronized void extend(ApplicationKey key, LocalDate until, Instant at) {
        Item i = items.computeIfAbsent(key, k -> new Item(k, at));
        if (i.status == ApplicationStatus.NOT_SUBMITTED) i.status = ApplicationStatus.DRAFT;
        i.extendedUntil = until;
        i.history.add("EXTENDED");
    }

    /**
     * 差し戻し, as the secretariat's reopening writes it: a submitted application is a draft again with a 修正期限, and
     * only the sections the 不備 name may change. False when it is not submitted.
     */
    public synchronized boolean returnForCorrection(ApplicationKey key, Correction correction) {
        Item i = items.get(key);
        if (i == null || i.status != ApplicationStatus.SUBMITTED) return false;
        i.status = ApplicationStatus.DRAFT;
        i.correction = correction;
        i.extendedUntil = correction.until();
        Set<ReviewSection> open = EnumSet.noneOf(ReviewSection.class);
        correction.items().forEach(x -> open.add(x.section()));
        i.openSections = open;
        i.version++;
        i.history.add("REOPENED");
        return true;
    }

    // ---- what a test reads back: the stored state a user would notice ----

    /** The stored status of an application, or null when there is no item. */
    public synchronized ApplicationStatus status(ApplicationKey key) {
        Item i = items.get(key);
        return i == null ? null : i.status;
    }

    /** The stored confirmation-mail state of an application, or null. */
    public synchronized MailStatus mail(ApplicationKey key) {
        Item i = items.get(key);
        return i == null ? null : i.mail;
    }

    public synchronized long version(ApplicationKey key) {
        Item i = items.get(key);
        return i == null ? 0 : i.version;
    }

    /** The item's history events in order (SUBMITTED, NOT_SUBMITTED, EXTENDED, …). */
    public synchronized List<String> history(ApplicationKey key) {
        Item i = items.get(key);
        return i == null ? List.of() : List.copyOf(i.history);
    }

    /** The applicants' audit lines written so far (one per submission). */
    public synchronized List<String> auditLines() { return List.copyOf(auditLines.values()); }

    public synchronized Member member(String memberNo) { return members.get(memberNo); }

    /** How many applications of the year and kind are in each status (what the secretariat's counts read). */
    public synchronized Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind) {
        Map<ApplicationStatus, Integer> out = new java.util.EnumMap<>(ApplicationStatus.class);
        for (Item i : items.values()) {
            if (i.key.year() == year && i.key.kind() == kind) out.merge(i.status, 1, Integer::sum);
        }
        return out;
    }

    /** The season's recorded state of a window (OPEN, CLOSED, BEFORE), or null. */
    public synchronized String windowState(int year, ApplicationKind.Stage stage) {
        WindowItem w = windowItems.get(year);
        return w == null ? null : w.state.get(stage);
    }

    YearWindows windows(int year) {
        WindowItem w = windowItems.get(year);
        return w == null || w.windows == null ? YearWindows.defaults(year) : w.windows;
    }

    WindowItem windowItem(int year) { return windowItems.computeIfAbsent(year, y -> new WindowItem()); }

    // ---- the conditional write every application write is (DynamoApplicationStore.Update) ----

    /**
     * The condition of one application write, checked as DynamoDB checks it, and on failure the same diagnosis:
     * LOCKED (a draft after a 差し戻し, this section not asked for), SUBMITTED, CLOSED (未提出), MISSING (no such
     * document), else STALE. Returns the item to change (created when {@code newAllowed} and absent); the caller
     * applies the change and {@link #bump}s.
     *
     * @param newAllowed the write may create the item (a first save); otherwise the item must be a draft
     * @param expectedVersion null: no version condition; 0: nothing saved yet
     * @param section the section the write changes (checked against a 差し戻し's open sections), or null
     * @param documentId the write needs this stored document (its purpose's section must be open), or null
     */
    Item write(ApplicationKey key, boolean newAllowed, Long expectedVersion, ReviewSection section, String documentId, Instant now) {
        Item i = items.get(key);
        Document doc = i == null || documentId == null ? null : i.documents.get(documentId);
        ReviewSection needed = doc != null ? ReviewSection.of(doc.purpose()) : section;
        boolean checksSection = section != null || documentId != null;
        boolean statusOk = i == null ? newAllowed : i.status == ApplicationStatus.DRAFT;
        boolean documentOk = documentId == null || doc != null;
        boolean versionOk = expectedVersion == null || (i == null ? expectedVersion == 0 : i.version == expectedVersion);
        boolean sectionOk = !checksSection || i == null || i.openSections == null || (needed != null && i.openSections.contains(needed));
        if (statusOk && documentOk && versionOk && sectionOk) {
            return i != null ? i : items.computeIfAbsent(key, k -> new Item(k, now));
        }
        String status = i == null ? null : i.status.name();
        if (checksSection && i != null && i.status == ApplicationStatus.DRAFT && i.openSections != null
                && needed != null && !i.openSections.contains(needed)) {
            throw new jp.nintei.port.ApplicationStore.Conflict(jp.nintei.port.ApplicationStore.Conflict.Reason.LOCKED);
        }
        if (ApplicationStatus.SUBMITTED.name().equals(status)) {
            throw new jp.nintei.port.ApplicationStore.Conflict(jp.nintei.port.ApplicationStore.Conflict.Reason.SUBMITTED);
        }
        if (ApplicationStatus.NOT_SUBMITTED.name().equals(status)) {
            throw new jp.nintei.port.ApplicationStore.Conflict(jp.nintei.port.ApplicationStore.Conflict.Reason.CLOSED);
        }
        if (documentId != null) throw new jp.nintei.port.ApplicationStore.Conflict(jp.nintei.port.ApplicationStore.Conflict.Reason.MISSING);
        throw new jp.nintei.port.ApplicationStore.Conflict(jp.nintei.port.ApplicationStore.Conflict.Reason.STALE);
    }

    /** Every versioned write: the version goes up by one and is returned. */
    static long bump(Item i, Instant now) {
        i.version++;
        i.updatedAt = now;
        return i.version;
    }
}
