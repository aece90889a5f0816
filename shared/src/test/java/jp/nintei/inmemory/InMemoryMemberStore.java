package jp.nintei.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.MemberStore;
import jp.nintei.port.MyPageRecord;

/** {@link MemberStore} in memory: the profiles, windows and application items of {@link InMemoryTable}. */
public final class InMemoryMemberStore implements MemberStore {
    private final InMemoryTable table;

    public InMemoryMemberStore(InMemoryTable table) { this.table = table; }

    @Override
    public Optional<MyPageRecord> loadMyPage(String memberNo, int year) {
        synchronized (table) {
            Member m = table.members.get(memberNo);
            if (m == null) return Optional.empty();
            List<ApplicationSummary> apps = new ArrayList<>();
            for (ApplicationKind kind : ApplicationKind.values()) {
                InMemoryTable.Item i = table.items.get(new ApplicationKey(memberNo, year, kind));
                if (i != null) apps.add(new ApplicationSummary(year, kind, i.status, i.submittedAt, i.extendedUntil, i.correction.returned()));
            }
            return Optional.of(new MyPageRecord(m, table.windows(year), apps));
        }
    }

    /**
     * The 会員番号 whose claim this address is (lower-cased, trimmed). Each address has one claim: a later member
     * registered with it takes it over, as the DynamoDB claim item is overwritten.
     */
    @Override
    public Optional<String> findMemberNoByEmail(String email) {
        synchronized (table) {
            return email == null ? Optional.empty()
                    : Optional.ofNullable(table.emailOwners.get(email.strip().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public void putMember(Member member) { table.putMember(member); }

    /** The dates only: the season's recorded states and the year's settings on the window item stay. */
    @Override
    public void putWindows(YearWindows windows) { table.putWindows(windows); }
}
