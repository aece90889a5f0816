package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.directory.Directory;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryExportFiles;
import jp.nintei.inmemory.InMemoryExportStore;
import jp.nintei.inmemory.InMemoryReviewStore;
import jp.nintei.port.ExportStore;
import org.junit.jupiter.api.Test;

/** The export job: built once per id into the files, handed back as a link, refused for an id the page did not make. */
class ExportServiceTest {
    static final String ID = "0b4e7a52-3c1d-4f7e-9a55-1f2e3d4c5b6a";

    final InMemoryApplicationLists lists = new InMemoryApplicationLists();
    final InMemoryExportStore jobs = new InMemoryExportStore();
    final InMemoryExportFiles files = new InMemoryExportFiles();
    final ExportService exports = new ExportService(
            new ApplicationExport(lists, new InMemoryReviewStore(lists), () -> new Directory(List.of(), List.of())), jobs, files,
            AdminFixtures.at(YEAR + "-05-02T10:00"));

    @Test
    void aJobIsBuiltOnceAndAnsweredWithAFiveMinuteLink() {
        for (String no : List.of("10000001", "10000002")) {
            lists.put(AdminFixtures.member(no, no + "@example.jp"))
                    .put(AdminFixtures.submitted(no, Instant.parse(YEAR + "-04-10T00:00:00Z"), MailStatus.State.SENT));
        }
        ExportService.View v = exports.build(ID.toUpperCase(), YEAR, ApplicationKind.NEW_PRIMARY, "90000001");
        assertEquals(ExportStore.Status.READY, v.job().status());
        assertEquals(2, v.job().rows());
        assertEquals(YEAR + "_" + ApplicationKind.NEW_PRIMARY.label() + ".csv", v.fileName());
        assertEquals("memory://exports/" + YEAR + "/" + ID + ".csv?name=" + v.fileName() + "&ttl=300", v.url());

        lists.put(AdminFixtures.member("10000003", "c@example.jp"))
                .put(AdminFixtures.submitted("10000003", Instant.parse(YEAR + "-04-11T00:00:00Z"), MailStatus.State.SENT));
        ExportService.View again = exports.build(ID, YEAR, ApplicationKind.NEW_PRIMARY, "90000001");
        assertEquals(2, again.job().rows(), "the same id shows the job built before, never a second file");
        assertEquals(1, files.count());
    }

    @Test
    void anIdThePageDidNotMakeIsRefusedAndAnUnknownOneIsNotFound() {
        Rejection bad = assertThrows(Rejection.class, () -> exports.build("../../etc", YEAR, ApplicationKind.NEW_PRIMARY, "90000001"));
        assertEquals(Rejection.Kind.INVALID, bad.kind());
        assertEquals("BAD_EXPORT_ID", bad.code());
        Rejection unknown = assertThrows(Rejection.class, () -> exports.status(ID));
        assertEquals(Rejection.Kind.NOT_FOUND, unknown.kind());
        assertEquals(0, files.count());
    }

    @Test
    void aFileOlderThanADayIsAnsweredAsExpiredNeverWithALinkThatWouldFail() {
        jp.nintei.inmemory.MovableClock clock = jp.nintei.inmemory.MovableClock.at(YEAR, 5, 2, 10, 0);
        ExportService service = new ExportService(
                new ApplicationExport(lists, new InMemoryReviewStore(lists), () -> new Directory(List.of(), List.of())), jobs, files, clock);
        service.build(ID, YEAR, ApplicationKind.NEW_PRIMARY, "90000001");
        clock.advance(ExportService.FILE_LIFETIME.minusMinutes(1));
        assertEquals(ExportStore.Status.READY, service.status(ID).job().status());
        clock.advance(java.time.Duration.ofMinutes(2));
        Rejection expired = assertThrows(Rejection.class, () -> service.status(ID));
        assertEquals(Rejection.Kind.NOT_FOUND, expired.kind());
        assertEquals("EXPORT_EXPIRED", expired.code());
    }
}
