package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryReviewStore;
import jp.nintei.port.ApplicationKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV's columns as the secretariat opens them in Excel, from the in-memory lists and reviews. */
class ApplicationExportTest {
    final InMemoryApplicationLists lists = new InMemoryApplicationLists();
    final InMemoryReviewStore reviews = new InMemoryReviewStore(lists);
    final ApplicationExport export = new ApplicationExport(lists, reviews, () -> new Directory(List.of(), List.of()));

    static List<CSVRecord> read(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "Excel needs the BOM to read UTF-8");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void aPrimaryRowHasTheApplicationsColumnsThenTheReviewsInJapanese() throws IOException {
        Instant at = Instant.parse(YEAR + "-04-10T01:02:00Z");
        lists.put(AdminFixtures.member("10000001", "a@example.jp")).put(AdminFixtures.returned("10000001", at, MailStatus.State.BOUNCED));
        Review r = new Review(ReviewState.RETURNED, 2,
                Map.of(ReviewSection.RECEIPT, new Review.Mark(ReviewSection.RECEIPT, true, "金額が読めません", "90000001", at)),
                new Review.ReturnRequest(List.of(new Review.Item(ReviewSection.RECEIPT, "金額が読めません")), LocalDate.of(YEAR, 5, 20),
                        "90000001", at, Map.of()), null);
        reviews.put(new ApplicationKey("10000001", YEAR, ApplicationKind.NEW_PRIMARY), r);

        List<CSVRecord> rows = read(export.csv(YEAR, ApplicationKind.NEW_PRIMARY));
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("会員番号", "氏名", "ふりがな", "メールアドレス", "申請種別", "状態", "受付番号", "受付日時", "筆記試験免除",
                "第一希望", "第二希望", "第三希望", "申請料支払い控え", "SHA-256", "確認メール", "審査状態", "審査（項目別）",
                "差し戻し（修正期限）", "判定", "判定理由", "判定者", "判定日時"), header);
        CSVRecord row = rows.get(1);
        assertEquals("下書き", row.get(header.indexOf("状態")), "差し戻し: a draft again until the applicant resubmits");
        assertEquals(YEAR + "年4月10日 10:02", row.get(header.indexOf("受付日時")), "JST");
        assertEquals("東京都", row.get(header.indexOf("第一希望")));
        assertEquals("大阪府", row.get(header.indexOf("第二希望")));
        assertEquals("", row.get(header.indexOf("第三希望")));
        assertEquals("振込控え.pdf", row.get(header.indexOf("申請料支払い控え")));
        assertEquals("不達（宛先に届きませんでした）", row.get(header.indexOf("確認メール")));
        assertEquals("不備あり", row.get(header.indexOf("審査状態")));
        assertEquals("申請料支払い控え：不備（金額が読めません）", row.get(header.indexOf("審査（項目別）")));
        assertEquals(YEAR + "-05-20まで：申請料支払い控え", row.get(header.indexOf("差し戻し（修正期限）")));
        assertEquals("", row.get(header.indexOf("判定")));
    }

    @Test
    void aSubmissionNobodyReviewedIsUnreviewedAndADraftIsListedAfterIt() throws IOException {
        lists.put(AdminFixtures.member("10000001", "a@example.jp"))
                .put(AdminFixtures.submitted("10000001", Instant.parse(YEAR + "-04-10T01:02:00Z"), MailStatus.State.SENT))
                .put(AdminFixtures.member("10000002", "b@example.jp")).put(AdminFixtures.draft("10000002"));
        List<CSVRecord> rows = read(export.csv(YEAR, ApplicationKind.NEW_PRIMARY));
        List<String> header = rows.get(0).toList();
        assertEquals(3, rows.size());
        assertEquals(List.of("申請済", "下書き"), List.of(rows.get(1).get(header.indexOf("状態")), rows.get(2).get(header.indexOf("状態"))));
        assertEquals("未審査", rows.get(1).get(header.indexOf("審査状態")));
        assertEquals("送信済", rows.get(1).get(header.indexOf("確認メール")));
    }

    @Test
    void anApplicationWhoseMemberIsGoneIsLeftOutAndProgressIsToldStageByStage() throws IOException {
        lists.put(AdminFixtures.submitted("10000003", Instant.parse(YEAR + "-04-10T01:02:00Z"), MailStatus.State.SENT));
        List<String> stages = new ArrayList<>();
        List<CSVRecord> rows = read(export.csv(YEAR, ApplicationKind.NEW_PRIMARY, (stage, done, total) -> stages.add(stage)));
        assertEquals(1, rows.size(), "the header only");
        assertEquals(List.of("一覧を読み込み中", "会員情報を読み込み中", "申請内容を読み込み中", "CSVを作成中"), stages);
    }

    /** Read chunk by chunk (memory stays at the CSV's rows): every applicant once, in the list's order, progress per chunk. */
    @Test
    void aLargeYearIsExportedChunkByChunkWithEveryRowOnceInTheListsOrder() throws IOException {
        int n = ApplicationExport.CHUNK * 2 + 37;
        for (int i = 0; i < n; i++) {
            String no = Integer.toString(20000000 + i);
            lists.put(AdminFixtures.member(no, no + "@example.jp"))
                    .put(AdminFixtures.submitted(no, Instant.parse(YEAR + "-04-10T00:00:00Z").plusSeconds(i), MailStatus.State.SENT));
        }
        List<Integer> done = new ArrayList<>();
        List<CSVRecord> rows = read(export.csv(YEAR, ApplicationKind.NEW_PRIMARY, (stage, d, total) -> {
            if (stage.equals("申請内容を読み込み中")) done.add(d);
        }));
        assertEquals(n + 1, rows.size());
        List<String> inCsv = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = lists.list(YEAR, ApplicationKind.NEW_PRIMARY, null, cursor, 500);
            page.rows().forEach(r -> listed.add(r.memberNo()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(listed, inCsv, "every applicant once, in the list's order");
        assertEquals(List.of(0, ApplicationExport.CHUNK, ApplicationExport.CHUNK * 2), done);
    }
}
