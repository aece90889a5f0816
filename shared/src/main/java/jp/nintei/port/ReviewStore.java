package jp.nintei.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.domain.secondary.SecondaryApplication;

/**
 * 書類審査: the review lives in the application's own item, so that a 差し戻し (status back to draft, the 修正期限,
 * the sections reopened) is one conditional write, and the applicant's page reads it with the application.
 */
public interface ReviewStore {
    /** One event of the application's history (submissions, extensions, marks, 差し戻し, decisions). */
    record HistoryEvent(Instant at, String event, String by, String note) {}

    /** The review screen's data, in one read: the member, the whole application with its review and history. */
    record Loaded(Member member, PrimaryApplication primary, SecondaryApplication secondary, Review review,
                  LocalDate extendedUntil, List<HistoryEvent> history) {
        public ApplicationStatus status() { return primary != null ? primary.status() : secondary.status(); }
    }

    /**
     * One line of the review list (GSI4: every application ever submitted, newest submission first), with the 氏名 and
     * ふりがな kept at submission (null for items submitted without them).
     */
    record Row(String memberNo, ApplicationStatus status, ReviewState reviewState, Instant submittedAt, String receiptNo,
               LocalDate extendedUntil, String name, String kana) {
        public ReviewState effectiveState() { return ReviewState.effective(reviewState, status == ApplicationStatus.SUBMITTED); }
    }

    enum Outcome { DONE, NOT_SUBMITTED, STALE }

    Loaded load(ApplicationKey key);

    /** Every submitted (or sent back) application of the year and kind. */
    List<Row> rows(int year, ApplicationKind kind);

    /** Reviews of these members' applications (for the export). */
    Map<String, Review> reviews(int year, ApplicationKind kind, Collection<String> memberNos);

    /** Writes {@code after} (a mark added) if the application is submitted and its review is at {@code after.version()-1}. */
    Outcome mark(ApplicationKey key, Review after, HistoryEvent event);

    /**
     * 差し戻し: the application becomes a draft again until {@code until}, only {@code openSections} writable, the
     * review {@code after} (state RETURNED, with its request) stored; one conditional write.
     */
    Outcome sendBack(ApplicationKey key, Review after, LocalDate until, Set<String> openSections, HistoryEvent event, Instant at);

    /** 受理/不受理: stored with the review; the application must be submitted. */
    Outcome decide(ApplicationKey key, Review after, HistoryEvent event);

    /**
     * 不受理 of an application sent back whose 修正期限 passed without a resubmission: the same write, guarded by the
     * review still being 不備あり and the application not submitted (NOT_SUBMITTED otherwise: the applicant resubmitted).
     */
    Outcome decideLapsed(ApplicationKey key, Review after, HistoryEvent event);
}
