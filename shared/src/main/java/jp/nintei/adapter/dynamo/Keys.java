package jp.nintei.adapter.dynamo;

import java.util.Map;
import jp.nintei.domain.ApplicationKind;
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

    public static final String PROFILE = "PROFILE";

    private Keys() {}

    public static String member(String memberNo) { return "MEMBER#" + memberNo; }

    public static String application(int year, ApplicationKind kind) { return "APP#" + year + "#" + kind.name(); }

    /** GSI1 partition of one year's applications of one kind (the secretariat's list). */
    public static String applicationList(int year, ApplicationKind kind) { return "APPS#" + year + "#" + kind.name(); }

    /** 監査ログ of one JST day (the day's page of the audit screen). */
    public static String auditDay(java.time.LocalDate day) { return "AUDIT#" + day; }

    /** 監査ログ about one member (the audit screen searched by 会員番号). */
    public static String auditMember(String memberNo) { return "AUDIT#MEMBER#" + memberNo; }

    public static String window(int year) { return "WINDOW#" + year; }

    public static String email(String normalizedEmail) { return "EMAIL#" + normalizedEmail; }

    public static String facility(String facilityNo) { return "FACILITY#" + facilityNo; }

    public static String supervisor(String supervisorNo) { return "SUPERVISOR#" + supervisorNo; }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
