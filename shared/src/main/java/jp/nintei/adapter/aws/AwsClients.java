package jp.nintei.adapter.aws;

import java.net.URI;
import java.util.Optional;
import jp.nintei.platform.Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * How an SDK client is built: an explicit region, credentials provider and the URLConnection HTTP client (no classpath
 * scanning, fast cold start). Each call builds a new client; the functions take theirs from
 * {@code functions.support.Components}, which builds each once per container and shares it.
 */
public final class AwsClients {
    private AwsClients() {}

    public static DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
        return configure(DynamoDbClient.builder(), "DYNAMODB", interceptors).build();
    }

    public static S3Client s3() {
        // S3Proxy speaks path-style addressing only
        return configure(S3Client.builder(), "S3").forcePathStyle(local("S3").isPresent()).build();
    }

    public static SesV2Client ses() { return configure(SesV2Client.builder(), "SES").build(); }

    public static CognitoIdentityProviderClient cognito(ExecutionInterceptor... interceptors) {
        return configure(CognitoIdentityProviderClient.builder(), "COGNITO", interceptors).build();
    }

    /**
     * On the local stack: fixed dummy keys. In Lambda (SnapStart included) the container credentials
     * endpoint; elsewhere (an engineer's shell) the default chain.
     */
    public static AwsCredentialsProvider credentials() {
        if (Settings.find(Settings.LOCAL_ENDPOINT_PREFIX + "DYNAMODB").isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        if (System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
            return ContainerCredentialsProvider.builder().build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Optional<URI> local(String service) { return Settings.localEndpoint(service); }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, String service, ExecutionInterceptor... interceptors) {
        builder.region(Region.of(Settings.region()))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        // standard retries (3 attempts, jittered backoff): a throttled call gives up within seconds and the route
        // answers 503, instead of the legacy mode's DynamoDB backoff that can outlast API Gateway's 30 seconds
        ClientOverrideConfiguration.Builder c = ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD);
        for (ExecutionInterceptor i : interceptors) c.addExecutionInterceptor(i);
        builder.overrideConfiguration(c.build());
        local(service).ifPresent(builder::endpointOverride);
        return builder;
    }
}
