package jp.nintei.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.port.ApplicationLists;

/**
 * {@link ApplicationLists} in memory: members, whole applications and windows put by the test; the list rows are
 * derived from the applications as the GSI projects them, in the table's order (status, then newest first), and the
 * cursor is the index of the next row (anything else is refused as the DynamoDB store refuses a bad cursor).
 */
public final class InMemoryApplicationLists implements ApplicationLists {
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, PrimaryApplication> primaries = new LinkedHashMap<>();
    private final Map<String, SecondaryApplication> secondaries = new LinkedHashMap<>();
    private final Map<Integer, YearWindows> windows = new HashMap<>();

    public InMemoryApplicationLists put(Member m) {
        members.put(m.memberNo(), m);
        return this;
    }

    public InMemoryApplicationLists put(PrimaryApplication a) {
        primaries.put(id(a.year(), a.kind(), a.memberNo()), a);
        return this;
    }

    public InMemoryApplicationLists put(SecondaryApplication a) {
        secondaries.put(id(a.year(), a.kind(), a.memberNo()), a);
        return this;
    }

    public InMemoryApplicationLists put(YearWindows w) {
        windows.put(w.year(), w);
        return this;
    }

    private static String id(int year, ApplicationKind kind, String memberNo) { return year + "#" + kind + "#" + memberNo; }

    @Override
    public Map<String, Member> members(Collection<String> memberNos) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (String no : memberNos) if (members.containsKey(no)) out.put(no, members.get(no));
        return out;
    }

    @Override
    public YearWindows windows(int year) { return windows.getOrDefault(year, YearWindows.defaults(year)); }

    private List<ListRow> rows(int year, ApplicationKind kind) {
        List<ListRow> rows = new ArrayList<>();
        String prefix = year + "#" + kind + "#";
        primaries.forEach((k, a) -> {
            if (k.startsWith(prefix)) rows.add(new ListRow(a.memberNo(), a.kind(), a.status(), a.submittedAt(), a.receiptNo(),
                    mailState(a.mail()), false, null, null, null, null));
        });
        secondaries.forEach((k, a) -> {
            if (k.startsWith(prefix)) rows.add(new ListRow(a.memberNo(), a.kind(), a.status(), a.submittedAt(), a.receiptNo(),
                    mailState(a.mail()), a.duesInProcess(), a.july() == JulyProjection.NONE ? null : a.july(), null, null, null));
        });
        // GSI1SK is status#time#member, read backwards
        rows.sort(Comparator.comparing((ListRow r) -> r.status().name()).reversed()
                .thenComparing(r -> r.submittedAt() == null ? Instant.EPOCH : r.submittedAt(), Comparator.reverseOrder())
                .thenComparing(ListRow::memberNo, Comparator.reverseOrder()));
        return rows;
    }

    private static MailStatus.State mailState(MailStatus m) { return m == null ? null : m.state(); }

    @Override
    public Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit) {
        List<ListRow> all = rows(year, kind).stream().filter(r -> status == null || r.status() == status).toList();
        return OffsetPaging.page(all, cursor, limit, Page::new);
    }

    @Override
    public Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind) {
        Map<ApplicationStatus, Integer> out = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) out.put(s, 0);
        for (ListRow r : rows(year, kind)) out.merge(r.status(), 1, Integer::sum);
        return out;
    }

    @Override
    public Map<String, PrimaryApplication> primaries(int year, ApplicationKind kind, Collection<String> memberNos) {
        return byMember(primaries, year, kind, memberNos);
    }

    @Override
    public Map<String, SecondaryApplication> secondaries(int year, ApplicationKind kind, Collection<String> memberNos) {
        return byMember(secondaries, year, kind, memberNos);
    }

    /** Those of the members' applications of that year and kind there are, by 会員番号, in the order asked. */
    private static <A> Map<String, A> byMember(Map<String, A> applications, int year, ApplicationKind kind, Collection<String> memberNos) {
        Map<String, A> out = new LinkedHashMap<>();
        for (String no : memberNos) {
            A a = applications.get(id(year, kind, no));
            if (a != null) out.put(no, a);
        }
        return out;
    }
}
