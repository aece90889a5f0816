package jp.nintei.adapter.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.port.SecondaryStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** 二次申請 item: the common fields as for 一次申請, each section a JSON attribute ({@link SecondaryItemJson}). */
final class SecondaryMapper {
    static final String RESUME = "s1Resume";
    static final String TRAINING = "s2Training";
    static final String ACHIEVEMENTS = "s3Achievements";
    static final String IDENTITY = "s4Identity";
    static final String DUES_IN_PROCESS = "duesInProcess";
    static final String JULY = "july";
    /** One section's ceiling, so that the whole item stays far below 400 KB of UTF-8. */
    static final int MAX_SECTION_BYTES = 80 * 1024;

    private SecondaryMapper() {}

    static SecondaryApplication secondary(Map<String, AttributeValue> item) {
        PrimaryApplication common = ApplicationMapper.application(item);
        return new SecondaryApplication(common.memberNo(), common.year(), common.kind(), common.status(), common.version(),
                Attr.bool(item, DUES_IN_PROCESS), SecondaryItemJson.july(parse(item, JULY)),
                SecondaryItemJson.resume(parse(item, RESUME)), SecondaryItemJson.training(TRAINING, parse(item, TRAINING)),
                SecondaryItemJson.achievements(parse(item, ACHIEVEMENTS)), SecondaryItemJson.identity(parse(item, IDENTITY)), common.documents(), common.submittedAt(), common.receiptNo(),
                common.mail());
    }

    static AttributeValue json(JsonNode node) {
        String s = Json.write(node);
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_SECTION_BYTES) throw new SecondaryStore.TooLarge();
        return AttributeValue.fromS(s);
    }

    private static JsonNode parse(Map<String, AttributeValue> item, String name) {
        return SecondaryItemJson.parse(name, Attr.s(item, name));
    }
}
