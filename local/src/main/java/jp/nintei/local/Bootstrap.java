package jp.nintei.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.platform.Settings;
import jp.nintei.platform.Template;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Creates on the stand-ins what {@code sam deploy} creates on AWS: the table (its definition read from
 * template.yaml), the documents bucket, the user pool with its app client and the secretariat group; then
 * points every function in this JVM at them through {@link Settings} (system properties).
 */
public final class Bootstrap {
    public static final String TABLE = "nintei";
    public static final String DOCUMENTS_BUCKET = "nintei-documents";
    public static final String SENDER = "nintei@example.org";
    public static final String REGION = "ap-northeast-1";

    public record Identity(String userPoolId, String clientId, String issuer, String jwksUrl) {}

    private Bootstrap() {}

    /** Sets the settings every handler reads, before any handler is built. */
    public static void configure(LocalAws.Endpoints e) {
        System.setProperty(Settings.REGION, REGION);
        System.setProperty(Settings.LOCAL_ENDPOINT_PREFIX + "DYNAMODB", e.dynamodb().toString());
        System.setProperty(Settings.LOCAL_ENDPOINT_PREFIX + "S3", e.s3().toString());
        System.setProperty(Settings.LOCAL_ENDPOINT_PREFIX + "SES", e.ses().toString());
        System.setProperty(Settings.LOCAL_ENDPOINT_PREFIX + "COGNITO", e.cognito().toString());
        System.setProperty(Settings.TABLE_NAME, TABLE);
        System.setProperty(Settings.DOCUMENTS_BUCKET, DOCUMENTS_BUCKET);
        System.setProperty(Settings.SENDER_ADDRESS, SENDER);
        System.setProperty(Settings.SES_CONFIGURATION_SET, "nintei-mail");
        System.setProperty(Settings.SECRETARIAT_ADDRESS, "office@example.jp");
        // the SDK's own region lookup (e.g. in presigners) sees the same region
        System.setProperty("aws.region", REGION);
    }

    public static Identity createAll(Template template, LocalAws.Endpoints endpoints) {
        configure(endpoints);
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(); S3Client s3 = AwsClients.s3();
             CognitoIdentityProviderClient cognito = AwsClients.cognito()) {
            dynamo.createTable(tableFromTemplate(template, TABLE));
            s3.createBucket(b -> b.bucket(DOCUMENTS_BUCKET));
            String poolId = cognito.createUserPool(b -> b.poolName("nintei-members")).userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("nintei-web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            cognito.createGroup(b -> b.userPoolId(poolId).groupName("secretariat").description("事務局"));
            System.setProperty(Settings.USER_POOL_ID, poolId);
            System.setProperty(Settings.USER_POOL_CLIENT_ID, clientId);
            String base = endpoints.cognito().toString();
            return new Identity(poolId, clientId, base + "/" + poolId, base + "/" + poolId + "/.well-known/jwks.json");
        }
    }

    /** The AWS::DynamoDB::Table of template.yaml as a CreateTable request: the template stays the one definition. */
    public static CreateTableRequest tableFromTemplate(Template template, String tableName) {
        List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) throw new IllegalStateException("template.yaml must define exactly one table");
        Map<String, Object> p = Template.map(template.resource(tables.get(0)).get("Properties"));
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object o : Template.list(p.get("AttributeDefinitions"))) {
            Map<String, Object> a = Template.map(o);
            attributes.add(AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                    .attributeType((String) a.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object o : Template.list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> g = Template.map(o);
            Map<String, Object> proj = Template.map(g.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
                    .keySchema(keySchema(g.get("KeySchema")))
                    .projection(Projection.builder().projectionType((String) proj.get("ProjectionType"))
                            .nonKeyAttributes(strings(proj.get("NonKeyAttributes"))).build())
                    .build());
        }
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(tableName)
                .attributeDefinitions(attributes).keySchema(keySchema(p.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) b.globalSecondaryIndexes(indexes);
        return b.build();
    }

    private static List<KeySchemaElement> keySchema(Object o) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (Object e : Template.list(o)) {
            Map<String, Object> k = Template.map(e);
            out.add(KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                    .keyType((String) k.get("KeyType")).build());
        }
        return out;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object e : Template.list(o)) out.add(e.toString());
        return out.isEmpty() ? null : out;
    }
}
