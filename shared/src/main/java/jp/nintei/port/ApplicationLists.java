package jp.nintei.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.secondary.SecondaryApplication;

/** What the secretariat's lists, detail and export read: applications by year and kind, with their members. */
public interface ApplicationLists extends MemberProfiles, StoredWindows {
    /** One line of the list: what the GSI projects, no whole item. */
    record ListRow(String memberNo, ApplicationKind kind, ApplicationStatus status, Instant submittedAt, String receiptNo,
                   MailStatus.State mailState, boolean duesInProcess, jp.nintei.domain.secondary.JulyProjection july,
                   String confirmedJuly, String confirmedDues, LocalDate extendedUntil) {}

    record Page(List<ListRow> rows, String nextCursor) {}

    /** Newest submission first (SUBMITTED, then 未提出, then drafts); {@code status} null for all. */
    Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit);

    Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind);

    /** Whole application items of these members (BatchGetItem, 100 a request), for the export and the detail. */
    Map<String, PrimaryApplication> primaries(int year, ApplicationKind kind, Collection<String> memberNos);

    Map<String, SecondaryApplication> secondaries(int year, ApplicationKind kind, Collection<String> memberNos);
}
