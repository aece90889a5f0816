package jp.nintei.adapter.dynamo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.YearWindows;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written item ⇄ record mapping (no bean reflection). */
public final class MemberMapper {
    static final String MEMBER_NO = "memberNo";
    static final String NAME = "name";
    static final String KANA = "kana";
    static final String EMAIL = "email";
    static final String JOINED_ON = "joinedOn";
    static final String DUES_PAID = "duesPaidFY";
    static final String SEMINAR = "seminarCompleted";
    static final String CASE_REPORTS = "approvedCaseReports";
    static final String CASE_REPORT_EXEMPT = "caseReportExempt";
    static final String WRITTEN_EXAM_EXEMPT = "writtenExamExempt";
    static final String SPECIALIST = "specialistStatus";
    static final String KIND = "kind";
    static final String YEAR = "year";
    static final String STATUS = "status";
    static final String SUBMITTED_AT = "submittedAt";
    static final String EXTENDED_UNTIL = "extendedUntil";

    /** The attributes マイページ reads: the one BatchGetItem projects to these. */
    static final String[] MY_PAGE_ATTRIBUTES = {Keys.PK, Keys.SK, MEMBER_NO, NAME, KANA, EMAIL, JOINED_ON, DUES_PAID,
            SEMINAR, CASE_REPORTS, CASE_REPORT_EXEMPT, WRITTEN_EXAM_EXEMPT, SPECIALIST, KIND, YEAR, STATUS, SUBMITTED_AT, EXTENDED_UNTIL,
            "primaryOpens", "primaryCloses", "secondaryOpens", "secondaryCloses", "renewalOpens", "renewalCloses",
            ReviewMapper.OPEN_SECTIONS /* a pending 差し戻し: the menu names the 修正期限 */};

    private MemberMapper() {}

    public static Map<String, AttributeValue> toItem(Member m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(Keys.key(Keys.member(m.memberNo()), Keys.PROFILE));
        item.put(MEMBER_NO, AttributeValue.fromS(m.memberNo()));
        item.put(NAME, AttributeValue.fromS(m.name()));
        item.put(KANA, AttributeValue.fromS(m.kana()));
        if (m.email() != null) {
            item.put(EMAIL, AttributeValue.fromS(m.email()));
            // the same normalisation as what the member types at sign-in (LoginId)
            item.put(Keys.GSI3PK, AttributeValue.fromS(Keys.email(emailKey(m.email()))));
        }
        if (m.joinedOn() != null) item.put(JOINED_ON, AttributeValue.fromS(m.joinedOn().toString()));
        if (!m.duesPaidFiscalYears().isEmpty()) {
            item.put(DUES_PAID, AttributeValue.fromNs(m.duesPaidFiscalYears().stream().sorted().map(String::valueOf).toList()));
        }
        item.put(SEMINAR, AttributeValue.fromBool(m.seminarCompleted()));
        item.put(CASE_REPORTS, AttributeValue.fromN(Integer.toString(m.approvedCaseReports())));
        item.put(CASE_REPORT_EXEMPT, AttributeValue.fromBool(m.caseReportExempt()));
        item.put(WRITTEN_EXAM_EXEMPT, AttributeValue.fromBool(m.writtenExamExempt()));
        item.put(SPECIALIST, AttributeValue.fromS(m.specialistStatus().name()));
        return item;
    }

    /** An e-mail address as the member types it at sign-in (LoginId): one address, one key. */
    public static String emailKey(String email) {
        return jp.nintei.domain.JapaneseText.normalize(email).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** The claim that an address belongs to one member ({@code PK=EMAIL#<address>, SK=OWNER}): read in batches at import. */
    public static Map<String, AttributeValue> emailClaimKey(String email) {
        return Keys.key(Keys.email(emailKey(email)), "OWNER");
    }

    public static Map<String, AttributeValue> emailClaim(String email, String memberNo) {
        Map<String, AttributeValue> item = new HashMap<>(emailClaimKey(email));
        item.put(MEMBER_NO, AttributeValue.fromS(memberNo));
        return item;
    }

    public static Member member(Map<String, AttributeValue> item) {
        Set<Integer> dues = new HashSet<>();
        AttributeValue d = item.get(DUES_PAID);
        if (d != null && d.hasNs()) for (String n : d.ns()) dues.add(Integer.parseInt(n));
        String specialist = Attr.s(item, SPECIALIST);
        return new Member(Attr.s(item, MEMBER_NO), Attr.s(item, NAME), Attr.s(item, KANA), Attr.s(item, EMAIL),
                Attr.date(item, JOINED_ON), dues, Attr.bool(item, SEMINAR), Attr.n(item, CASE_REPORTS),
                Attr.bool(item, CASE_REPORT_EXEMPT), Attr.bool(item, WRITTEN_EXAM_EXEMPT),
                specialist == null ? SpecialistStatus.NONE : SpecialistStatus.valueOf(specialist));
    }

    public static ApplicationSummary application(Map<String, AttributeValue> item) {
        String status = Attr.s(item, STATUS);
        return new ApplicationSummary(Attr.n(item, YEAR), ApplicationKind.valueOf(Attr.s(item, KIND)),
                status == null ? ApplicationStatus.DRAFT : ApplicationStatus.valueOf(status),
                Attr.instant(item, SUBMITTED_AT), Attr.date(item, EXTENDED_UNTIL),
                item.containsKey(ReviewMapper.OPEN_SECTIONS));
    }

    /** The summary fields of an application item (the full item's other sections belong to its own mapper). */
    public static Map<String, AttributeValue> toItem(String memberNo, ApplicationSummary a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.member(memberNo), Keys.application(a.year(), a.kind())));
        item.put(KIND, AttributeValue.fromS(a.kind().name()));
        item.put(YEAR, AttributeValue.fromN(Integer.toString(a.year())));
        item.put(STATUS, AttributeValue.fromS(a.status().name()));
        if (a.submittedAt() != null) item.put(SUBMITTED_AT, AttributeValue.fromS(a.submittedAt().toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.applicationList(a.year(), a.kind())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(Keys.applicationListSort(a.status(), a.submittedAt() == null ? "" : a.submittedAt(),
                memberNo)));
        item.put(MEMBER_NO, AttributeValue.fromS(memberNo));
        return item;
    }

    public static Map<String, AttributeValue> toItem(YearWindows w) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.windowItem(w.year()));
        item.put(YEAR, AttributeValue.fromN(Integer.toString(w.year())));
        put(item, "primary", w.primary());
        put(item, "secondary", w.secondary());
        put(item, "renewal", w.renewal());
        return item;
    }

    /** A stored window item overrides the defaults field by field. */
    public static YearWindows windows(int year, Map<String, AttributeValue> item) {
        YearWindows d = YearWindows.defaults(year);
        if (item == null) return d;
        return new YearWindows(year, window(item, "primary", d.primary()), window(item, "secondary", d.secondary()),
                window(item, "renewal", d.renewal()));
    }

    private static void put(Map<String, AttributeValue> item, String prefix, ApplicationWindow w) {
        item.put(prefix + "Opens", AttributeValue.fromS(w.opens().toString()));
        item.put(prefix + "Closes", AttributeValue.fromS(w.closes().toString()));
    }

    private static ApplicationWindow window(Map<String, AttributeValue> item, String prefix, ApplicationWindow fallback) {
        var opens = Attr.date(item, prefix + "Opens");
        var closes = Attr.date(item, prefix + "Closes");
        return opens == null || closes == null ? fallback : new ApplicationWindow(opens, closes);
    }
}
