package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.WindowChange;
import jp.nintei.domain.YearWindows;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.port.MemberStore;
import jp.nintei.port.MyPageRecord;
import org.junit.jupiter.api.Test;

/** 受付期間 as the secretariat changes them: only the dates given, the close never before the open, on record. */
class WindowsTest {
    final InMemoryApplicationLists lists = new InMemoryApplicationLists();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final WindowWrites writes = new WindowWrites();
    final Windows windows = new Windows(lists, writes, audit, AdminFixtures.at(YEAR + "-03-01T10:00"));

    @Test
    void onlyTheDatesGivenChangeTypedInAnyJapaneseFormAndTheChangeIsOnRecord() {
        YearWindows after = windows.update(YEAR, WindowChange.typed(Map.of("primaryCloses", YEAR + "年5月10日")), "90000001");
        YearWindows defaults = YearWindows.defaults(YEAR);
        assertEquals(new ApplicationWindow(defaults.primary().opens(), LocalDate.of(YEAR, 5, 10)), after.primary());
        assertEquals(defaults.secondary(), after.secondary());
        assertEquals(List.of(after), writes.written);
        assertEquals(List.of("WINDOWS_CHANGED"), audit.actions());
        assertTrue(audit.all().get(0).before().startsWith("一次 " + defaults.primary().label()), audit.all().get(0).before());
        assertTrue(audit.all().get(0).after().startsWith("一次 " + after.primary().label()), audit.all().get(0).after());
    }

    @Test
    void aCloseBeforeTheOpenOrADateThatIsNoneIsRefusedNamingTheFieldAndNothingIsWritten() {
        Rejection early = assertThrows(Rejection.class,
                () -> windows.update(YEAR, WindowChange.typed(Map.of("secondaryOpens", YEAR + "-06-10", "secondaryCloses", YEAR + "-06-01")), "90000001"));
        assertEquals(Rejection.Kind.INVALID, early.kind());
        assertEquals("BAD_WINDOW", early.code());
        assertEquals("secondaryCloses", early.field());
        Rejection none = assertThrows(Rejection.class, () -> windows.update(YEAR, WindowChange.typed(Map.of("renewalOpens", "4月の初め")), "90000001"));
        assertEquals("renewalOpens", none.field());
        assertTrue(writes.written.isEmpty());
        assertTrue(audit.all().isEmpty());
    }

    /** Keeps the windows written; the member side of the store is not the windows' business. */
    static final class WindowWrites implements MemberStore {
        final List<YearWindows> written = new ArrayList<>();

        @Override
        public void putWindows(YearWindows w) { written.add(w); }

        @Override
        public Optional<MyPageRecord> loadMyPage(String memberNo, int year) { throw new UnsupportedOperationException(); }

        @Override
        public Optional<String> findMemberNoByEmail(String email) { throw new UnsupportedOperationException(); }

        @Override
        public void putMember(Member member) { throw new UnsupportedOperationException(); }
    }
}
