package jp.nintei.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ReviewStore;

/**
 * {@link ReviewStore} in memory, reading members and applications from an {@link InMemoryApplicationLists}. Writes
 * follow the DynamoDB store's conditions: the application must be submitted and the review at the version before
 * {@code after}'s (otherwise STALE); a 差し戻し makes the application (in the lists) a draft with its 修正期限.
 */
public final class InMemoryReviewStore implements ReviewStore {
    private final InMemoryApplicationLists lists;
    private final Map<ApplicationKey, Review> reviews = new HashMap<>();
    private final Map<ApplicationKey, LocalDate> until = new HashMap<>();
    private final Map<ApplicationKey, List<HistoryEvent>> history = new HashMap<>();

    public InMemoryReviewStore(InMemoryApplicationLists lists) { this.lists = lists; }

    /** A review as stored (e.g. from an earlier session of the secretariat). */
    public InMemoryReviewStore put(ApplicationKey key, Review review) {
        reviews.put(key, review);
        return this;
    }

    private ApplicationStatus status(ApplicationKey key) {
        List<String> no = List.of(key.memberNo());
        if (key.kind().stage() == ApplicationKind.Stage.SECONDARY) {
            SecondaryApplication s = lists.secondaries(key.year(), key.kind(), no).get(key.memberNo());
            return s == null ? null : s.status();
        }
        PrimaryApplication p = lists.primaries(key.year(), key.kind(), no).get(key.memberNo());
        return p == null ? null : p.status();
    }

    @Override
    public synchronized Loaded load(ApplicationKey key) {
        List<String> no = List.of(key.memberNo());
        Member m = lists.members(no).get(key.memberNo());
        boolean secondary = key.kind().stage() == ApplicationKind.Stage.SECONDARY;
        PrimaryApplication p = secondary ? null : lists.primaries(key.year(), key.kind(), no).get(key.memberNo());
        SecondaryApplication s = secondary ? lists.secondaries(key.year(), key.kind(), no).get(key.memberNo()) : null;
        if (m == null || (p == null && s == null)) return new Loaded(m, null, null, Review.NONE, null, List.of());
        return new Loaded(m, p, s, reviews.getOrDefault(key, Review.NONE), until.get(key), List.copyOf(history.getOrDefault(key, List.of())));
    }

    @Override
    public synchronized List<Row> rows(int year, ApplicationKind kind) {
        List<Row> out = new ArrayList<>();
        for (var r : lists.list(year, kind, null, null, Integer.MAX_VALUE).rows()) {
            ApplicationKey key = new ApplicationKey(r.memberNo(), year, kind);
            if (r.submittedAt() == null && !reviews.containsKey(key)) continue; // the review list holds what was submitted
            Member m = lists.members(List.of(r.memberNo())).get(r.memberNo());
            out.add(new Row(r.memberNo(), status(key), reviews.getOrDefault(key, Review.NONE).state(), r.submittedAt(), r.receiptNo(),
                    until.get(key), m == null ? null : m.name(), m == null ? null : m.kana()));
        }
        return out;
    }

    @Override
    public synchronized Map<String, Review> reviews(int year, ApplicationKind kind, Collection<String> memberNos) {
        Map<String, Review> out = new LinkedHashMap<>();
        for (String no : memberNos) {
            ApplicationKey key = new ApplicationKey(no, year, kind);
            if (status(key) != null) out.put(no, reviews.getOrDefault(key, Review.NONE));
        }
        return out;
    }

    private Outcome write(ApplicationKey key, Review after, HistoryEvent event) {
        if (status(key) != ApplicationStatus.SUBMITTED) return Outcome.NOT_SUBMITTED;
        if (reviews.getOrDefault(key, Review.NONE).version() != after.version() - 1) return Outcome.STALE;
        reviews.put(key, after);
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        return Outcome.DONE;
    }

    @Override
    public synchronized Outcome mark(ApplicationKey key, Review after, HistoryEvent event) { return write(key, after, event); }

    @Override
    public synchronized Outcome decide(ApplicationKey key, Review after, HistoryEvent event) { return write(key, after, event); }

    @Override
    public synchronized Outcome decideLapsed(ApplicationKey key, Review after, HistoryEvent event) {
        // as DynamoDB's condition: not submitted, and the stored review still 不備あり
        if (status(key) == ApplicationStatus.SUBMITTED
                || reviews.getOrDefault(key, Review.NONE).state() != jp.nintei.domain.review.ReviewState.RETURNED) {
            return Outcome.NOT_SUBMITTED;
        }
        if (reviews.getOrDefault(key, Review.NONE).version() != after.version() - 1) return Outcome.STALE;
        reviews.put(key, after);
        history.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
        return Outcome.DONE;
    }

    @Override
    public synchronized Outcome sendBack(ApplicationKey key, Review after, LocalDate last, Set<String> openSections, HistoryEvent event,
                                         Instant at) {
        Outcome o = write(key, after, event);
        if (o == Outcome.DONE) {
            // the same item as the application: a draft again (a new version) until the 修正期限
            List<String> no = List.of(key.memberNo());
            PrimaryApplication p = lists.primaries(key.year(), key.kind(), no).get(key.memberNo());
            if (p != null) {
                lists.put(new PrimaryApplication(p.memberNo(), p.year(), p.kind(), ApplicationStatus.DRAFT, p.version() + 1, p.preferences(),
                        p.documents(), p.submittedAt(), p.receiptNo(), p.mail()));
            }
            SecondaryApplication s = lists.secondaries(key.year(), key.kind(), no).get(key.memberNo());
            if (s != null) {
                lists.put(new SecondaryApplication(s.memberNo(), s.year(), s.kind(), ApplicationStatus.DRAFT, s.version() + 1,
                        s.duesInProcess(), s.july(), s.resume(), s.training(), s.achievements(), s.identity(), s.documents(),
                        s.submittedAt(), s.receiptNo(), s.mail()));
            }
            until.put(key, last);
        }
        return o;
    }
}
