package jp.nintei.adapter.dynamo;

import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key shapes of the single table (docs/architecture.md "The item model"). Written here once, used everywhere. */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";
    /** GSI1: the secretariat's lists (year/kind/status by submission time) and the directory. */
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** GSI2: sparse, only items with a pending mail. */
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    /** GSI3: e-mail → 会員番号, for sign-in with an e-mail address. */
    public static final String GSI3 = "GSI3";
    public static final String GSI3PK = "GSI3PK";

    /** GSI4: 書類審査 list, {@code REVIEW#<year>#<kind>} by submission time. */
    public static final String GSI4 = "GSI4";
    public static final String GSI4PK = "GSI4PK";
    public static final String GSI4SK = "GSI4SK";

    public static final String PROFILE = "PROFILE";
    /** The member's sign-in account item (SK under {@code MEMBER#}). */
    public static final String ACCOUNT = "ACCOUNT";
    /** GSI1 partition of every account (the secretariat's account list, by 会員番号). */
    public static final String ACCOUNT_LIST = "ACCOUNTS";
    /** Sparse GSI2 partition of the accounts still to be created (the account queue). */
    public static final String ACCOUNT_QUEUE = "ACCOUNT#PENDING";
    /** Sparse GSI2 partition of the submissions whose confirmation mail is not sent yet. */
    public static final String MAIL_PENDING = "MAIL#PENDING";
    /** Sparse GSI3 partition of the submissions whose audit record is not written yet. */
    public static final String AUDIT_PENDING = "AUDIT#PENDING";
    /** GSI1 partitions of the directory: 施設 and 指導医. */
    public static final String FACILITIES = "DIR#FACILITY";
    public static final String SUPERVISORS = "DIR#SUPERVISOR";

    private static final String MEMBER = "MEMBER#";
    private static final String APP = "APP#";
    private static final String EMAIL = "EMAIL#";
    private static final String WINDOW = "WINDOW#";

    private Keys() {}

    public static String member(String memberNo) { return MEMBER + memberNo; }

    /** The 会員番号 of a member partition key ({@code MEMBER#<会員番号>}). */
    public static String memberNoOf(String memberPk) { return memberPk.substring(MEMBER.length()); }

    public static String application(int year, ApplicationKind kind) { return APP + year + "#" + kind.name(); }

    /** The year of an application sort key ({@code APP#<year>#<kind>}). */
    public static int applicationYear(String sk) { return Integer.parseInt(sk.split("#")[1]); }

    /** The kind of an application sort key ({@code APP#<year>#<kind>}). */
    public static ApplicationKind applicationKind(String sk) { return ApplicationKind.valueOf(sk.split("#")[2]); }

    /** Whether a sort key under a member is an application item. */
    public static boolean isApplication(String sk) { return sk.startsWith(APP); }

    /** Whether a sort key is a year's window item. */
    public static boolean isWindow(String sk) { return sk.startsWith(WINDOW); }

    /** GSI1 sort key of an application in the secretariat's list: status, then time, then 会員番号. */
    public static String applicationListSort(ApplicationStatus status, Object at, String memberNo) {
        return statusPrefix(status) + at + "#" + memberNo;
    }

    /** The start of the GSI1 sort keys of one status (a begins_with condition). */
    public static String statusPrefix(ApplicationStatus status) { return status.name() + "#"; }

    /** GSI2 sort key of a pending confirmation mail: since when, then the application's keys. */
    public static String pendingMailSort(Object since, String memberNo, int year, ApplicationKind kind) {
        return since + "#" + member(memberNo) + "#" + application(year, kind);
    }

    /** Since when a mail is pending, read back from its GSI2 sort key. */
    public static String pendingMailSince(String gsi2Sort) { return gsi2Sort.split("#")[0]; }

    /** GSI2 sort key of a queued account: since when, then 会員番号. */
    public static String accountQueueSort(Object since, String memberNo) { return since + "#" + memberNo; }

    /** Sort key of one audit line under its day and member partitions: time, then a short random id. */
    public static String auditLine(Object at, String suffix) { return at + "#" + suffix; }

    /** Sort key of one period of a 施設 (from, type). */
    public static String facilityPeriod(Object validFrom, String type) { return "PERIOD#" + validFrom + "#" + type; }

    /** Sort key of one qualification period of a 指導医. */
    public static String supervisorQualification(Object validFrom, String qualification) { return "QUAL#" + validFrom + "#" + qualification; }

    /** GSI1 sort key of a directory entry: by かな, then number and period. */
    public static String directorySort(String kana, String number, Object validFrom) { return kana + "#" + number + "#" + validFrom; }

    /** GSI4 partition of one year's 書類審査 list of one kind. */
    public static String reviewList(int year, ApplicationKind kind) { return "REVIEW#" + year + "#" + kind.name(); }

    /** GSI4 sort key: submission time, then 会員番号. */
    public static String reviewListSort(Object submittedAt, String memberNo) { return submittedAt + "#" + memberNo; }

    /** The item of one CSV export the secretariat asked for. */
    public static String export(String id) { return "EXPORT#" + id; }

    /** GSI1 partition of one year's applications of one kind (the secretariat's list). */
    public static String applicationList(int year, ApplicationKind kind) { return "APPS#" + year + "#" + kind.name(); }

    /** 監査ログ of one JST day (the day's page of the audit screen). */
    public static String auditDay(java.time.LocalDate day) { return "AUDIT#" + day; }

    /** 監査ログ about one member (the audit screen searched by 会員番号). */
    public static String auditMember(String memberNo) { return "AUDIT#MEMBER#" + memberNo; }

    public static String window(int year) { return WINDOW + year; }

    public static String email(String normalizedEmail) { return EMAIL + normalizedEmail; }

    /** The address of an e-mail partition key ({@code EMAIL#<address>}). */
    public static String emailOf(String emailPk) { return emailPk.substring(EMAIL.length()); }

    public static String facility(String facilityNo) { return "FACILITY#" + facilityNo; }

    public static String supervisor(String supervisorNo) { return "SUPERVISOR#" + supervisorNo; }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    /** The key of one application item ({@code MEMBER#<no>}, {@code APP#<year>#<kind>}). */
    public static Map<String, AttributeValue> applicationItem(jp.nintei.port.ApplicationKey k) {
        return key(member(k.memberNo()), application(k.year(), k.kind()));
    }

    /** The key of the year's window item (its windows, schedule state and per-year settings). */
    public static Map<String, AttributeValue> windowItem(int year) { return key(window(year), window(year)); }
}
