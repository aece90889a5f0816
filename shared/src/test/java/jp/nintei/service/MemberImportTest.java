package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.imports.ImportReport;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.inmemory.InMemoryMemberImportStore;
import jp.nintei.port.DirectoryStore;
import org.junit.jupiter.api.Test;

/** The member import: one address to one member, only what changed written, the account queue, the audit. */
class MemberImportTest {
    static final String HEADER = "会員番号,氏名,ふりがな,メールアドレス,入会日";

    final InMemoryMemberImportStore store = new InMemoryMemberImportStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final RecordingDirectory directory = new RecordingDirectory();

    MemberImport imports() { return new MemberImport(store, directory, audit, AdminFixtures.at("2026-03-01T10:00")); }

    static byte[] csv(String... rows) {
        return (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void newMembersAreWrittenQueuedForTheirAccountAndAudited() {
        MemberImport.ImportOutcome o = imports().importMembers(csv("10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1",
                "10000002,鈴木 花子,すずき はなこ,hanako@example.jp,2012/4/1"), "90000001");
        assertEquals(List.of("10000001", "10000002"), o.written());
        assertEquals(2, o.accountsQueued());
        assertEquals(List.of("10000001", "10000002"), store.queued());
        assertEquals("10000002", store.ownerOf("Hanako@Example.JP"));
        assertEquals(List.of("MEMBERS_IMPORTED"), audit.actions());
        assertEquals("行数 2、取込 2（更新 2）、エラー 0", audit.all().get(0).after());
    }

    @Test
    void theSameFileAgainWritesNothingAndQueuesNoOne() {
        byte[] file = csv("10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1");
        imports().importMembers(file, "90000001");
        MemberImport.ImportOutcome again = imports().importMembers(file, "90000001");
        assertEquals(List.of(), again.written());
        assertEquals(0, again.accountsQueued());
        assertEquals(1, store.writes());
    }

    @Test
    void aChangedNameIsWrittenButOnlyANewAddressQueuesAnAccount() {
        store.put(AdminFixtures.member("10000001", "taro@example.jp"));
        MemberImport.ImportOutcome renamed = imports().importMembers(csv("10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1"), "x");
        assertEquals(List.of("10000001"), renamed.written());
        assertEquals(0, renamed.accountsQueued());
        MemberImport.ImportOutcome moved = imports().importMembers(csv("10000001,山田 太郎,やまだ たろう,new@example.jp,2010/4/1"), "x");
        assertEquals(1, moved.accountsQueued());
        assertEquals("10000001", store.ownerOf("new@example.jp"));
        assertEquals(null, store.ownerOf("taro@example.jp"), "the old address is released");
    }

    @Test
    void twoRowsWithOneAddressKeepTheFirstAndNameItsLine() {
        MemberImport.ImportOutcome o = imports().importMembers(csv("10000001,山田 太郎,やまだ たろう,same@example.jp,2010/4/1",
                "10000002,鈴木 花子,すずき はなこ,same@example.jp,2012/4/1"), "x");
        assertEquals(List.of("10000001"), o.written());
        ImportReport.Rejected r = o.report().rejected().get(0);
        assertEquals(3, r.line());
        assertEquals("メールアドレス same@example.jp が2行目の会員と同じです。会員ごとに別のメールアドレスを入力してください。", r.reason());
    }

    @Test
    void anAddressOfAnotherRegisteredMemberIsRefusedAndNeitherMemberChanges() {
        store.put(AdminFixtures.member("10000009", "taken@example.jp"));
        MemberImport.ImportOutcome o = imports().importMembers(csv("10000001,山田 太郎,やまだ たろう,ＴＡＫＥＮ＠example.jp,2010/4/1"), "x");
        assertEquals(List.of(), o.written());
        assertTrue(o.report().rejected().get(0).reason().contains("会員番号 10000009 の会員が使用しています"), o.report().rejected().toString());
        assertEquals("10000009", store.ownerOf("taken@example.jp"));
        assertEquals(List.of(), store.queued());
    }

    @Test
    void anAddressReleasedInTheSameFileMayBeTakenByAnotherMember() {
        store.put(AdminFixtures.member("10000009", "taken@example.jp"));
        MemberImport.ImportOutcome o = imports().importMembers(csv("10000009,会員 10000009,かいいん,moved@example.jp,2010/4/1",
                "10000001,山田 太郎,やまだ たろう,taken@example.jp,2010/4/1"), "x");
        assertEquals(List.of(), o.report().rejected());
        assertEquals("10000001", store.ownerOf("taken@example.jp"));
        assertEquals("10000009", store.ownerOf("moved@example.jp"));
    }

    @Test
    void anUnknownDirectoryImportIsNotFoundAndWritesNothing() {
        Rejection r = assertThrows(Rejection.class, () -> imports().importDirectory("hospitals", csv(), "x"));
        assertEquals(Rejection.Kind.NOT_FOUND, r.kind());
        assertEquals(0, directory.writes);
        assertTrue(audit.all().isEmpty());
    }

    /** Counts what the directory import writes. */
    static final class RecordingDirectory implements DirectoryStore {
        int writes;

        @Override
        public void putFacility(jp.nintei.domain.Facility facility) { writes++; }

        @Override
        public void putSupervisor(jp.nintei.domain.Supervisor supervisor) { writes++; }

        @Override
        public Directory loadAll() { throw new UnsupportedOperationException("the import only writes"); }
    }
}
