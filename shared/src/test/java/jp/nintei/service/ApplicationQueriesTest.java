package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.port.AuditLog;
import jp.nintei.port.DocumentStorage;
import org.junit.jupiter.api.Test;

/** The list with its counts, the detail with its links (on record), the follow-ups and the audit, in memory. */
class ApplicationQueriesTest {
    static final ApplicationKind KIND = ApplicationKind.NEW_PRIMARY;

    final InMemoryApplicationLists lists = new InMemoryApplicationLists();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final LinkingStorage storage = new LinkingStorage();
    final ApplicationQueries queries = new ApplicationQueries(lists, storage, audit, AdminFixtures.at(YEAR + "-05-02T10:00"));

    void applicants(int submitted, int drafts) {
        for (int i = 0; i < submitted; i++) {
            String no = Integer.toString(10000000 + i);
            lists.put(AdminFixtures.member(no, no + "@example.jp"))
                    .put(AdminFixtures.submitted(no, Instant.parse(YEAR + "-04-01T00:00:00Z").plusSeconds(i), MailStatus.State.SENT));
        }
        for (int i = 0; i < drafts; i++) {
            String no = Integer.toString(20000000 + i);
            lists.put(AdminFixtures.member(no, no + "@example.jp")).put(AdminFixtures.draft(no));
        }
    }

    @Test
    void theFirstPageCountsEveryStatusAndTheNextPagesDoNotCountAgain() {
        applicants(ApplicationQueries.PAGE + 2, 3);
        ApplicationQueries.ListView first = queries.list(YEAR, KIND, null, null);
        assertEquals(Map.of(ApplicationStatus.SUBMITTED, 52, ApplicationStatus.DRAFT, 3, ApplicationStatus.NOT_SUBMITTED, 0), first.counts());
        assertEquals(ApplicationQueries.PAGE, first.rows().size());
        assertEquals("10000051", first.rows().get(0).row().memberNo(), "newest submission first");
        assertEquals("会員 10000051", first.rows().get(0).member().name());
        ApplicationQueries.ListView second = queries.list(YEAR, KIND, null, first.nextCursor());
        assertEquals(Map.of(), second.counts());
        assertEquals(5, second.rows().size());
        assertNull(second.nextCursor());
    }

    @Test
    void aCursorThatIsNotOneOfOursIsABadRequestNotAFault() {
        Rejection r = assertThrows(Rejection.class, () -> queries.list(YEAR, KIND, null, "not-a-cursor"));
        assertEquals(Rejection.Kind.INVALID, r.kind());
        assertEquals("BAD_CURSOR", r.code());
        assertEquals("cursor", r.field());
    }

    @Test
    void theDetailLinksEveryDocumentForFiveMinutesAndPutsTheViewingOnRecord() {
        applicants(1, 0);
        ApplicationQueries.Detail d = queries.detail(YEAR, KIND, "10000000", "90000001");
        assertEquals(Map.of("d1", "link:applications/" + YEAR + "/10000000/d1"), d.documentUrls());
        assertEquals(List.of(Duration.ofMinutes(5)), storage.ttls);
        AuditLog.Entry e = audit.all().get(0);
        assertEquals(List.of("DOCUMENTS_VIEWED", "90000001", "10000000", "書類 1件（リンク有効 5分）"),
                List.of(e.action(), e.actor(), e.memberNo(), e.after()));
    }

    @Test
    void aDetailOfAnUnknownMemberOrOfNoApplicationIsNotFound() {
        applicants(1, 0);
        Rejection member = assertThrows(Rejection.class, () -> queries.detail(YEAR, KIND, "99999999", "90000001"));
        assertEquals("MEMBER_NOT_FOUND", member.code());
        Rejection app = assertThrows(Rejection.class, () -> queries.detail(YEAR, ApplicationKind.NEW_SECONDARY, "10000000", "90000001"));
        assertEquals(Rejection.Kind.NOT_FOUND, app.kind());
        assertEquals("APPLICATION_NOT_FOUND", app.code());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void theFollowUpsAreSubmissionsWhoseMailDidNotReachTheApplicant() {
        applicants(2, 1);
        lists.put(AdminFixtures.submitted("10000009", Instant.parse(YEAR + "-04-02T00:00:00Z"), MailStatus.State.BOUNCED));
        lists.put(AdminFixtures.member("10000009", "x@example.jp"));
        List<ApplicationQueries.Row> rows = queries.followUps(YEAR, KIND);
        assertEquals(List.of("10000009"), rows.stream().map(r -> r.row().memberNo()).toList());
    }

    @Test
    void theAuditOfAMemberIsFoundByTheNumberAsTypedAndOtherwiseTodaysInJst() {
        audit.record(new AuditLog.Entry(Instant.parse(YEAR + "-05-01T16:00:00Z"), "90000001", "REOPENED", "10000001", "new-primary", null, "a"));
        audit.record(new AuditLog.Entry(Instant.parse(YEAR + "-05-01T14:00:00Z"), "90000001", "WINDOWS_CHANGED", null, null, null, "b"));
        assertEquals(List.of("REOPENED"), queries.audit(null, " １００００００１ ").stream().map(AuditLog.Entry::action).toList());
        assertEquals(List.of("REOPENED"), queries.audit(null, null).stream().map(AuditLog.Entry::action).toList(), "16:00Z is 5月2日 JST");
    }

    /** Issues a recognisable link per key and remembers each lifetime asked for. */
    static final class LinkingStorage implements DocumentStorage {
        final List<Duration> ttls = new ArrayList<>();

        @Override
        public String presignDownload(String key, String fileName, String contentType, Duration ttl) {
            ttls.add(ttl);
            return "link:" + key;
        }

        @Override
        public UploadTicket presignUpload(String key, long size, String contentType, String sha256Base64, Duration ttl) {
            throw new UnsupportedOperationException("the secretariat never uploads");
        }

        @Override
        public Optional<byte[]> read(String key, long maxBytes) { throw new UnsupportedOperationException("only links are issued"); }

        @Override
        public void delete(String key) { throw new UnsupportedOperationException("only links are issued"); }
    }
}
