package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.time.Duration;
import jp.nintei.platform.Settings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The policy-coverage check sees presigned URLs: a presigned PUT or GET makes no call, yet the browser's
 * request runs with the function's role, so the role must allow it. The recorder gets them from the
 * presigner's interceptors; if an SDK update stopped calling them, this test fails (not the check, silently).
 */
class AwsOperationRecorderTest {

    /** Stands for a function: the recorder attributes calls to the innermost RequestHandler on the stack. */
    public static final class PresigningHandler implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String key, Context context) {
            try (S3Presigner p = S3Presigner.builder().region(Region.AP_NORTHEAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                    .endpointOverride(URI.create("http://127.0.0.1:9")).build()) {
                p.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(1)).putObjectRequest(o -> o.bucket("recorder-test").key(key)));
                return p.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(1)).getObjectRequest(o -> o.bucket("recorder-test").key(key)))
                        .url().toString();
            }
        }
    }

    @Test
    void presignedPutAndGetAreRecordedForTheHandlerThatSignedThem() throws Exception {
        String key = "applications/recorder/" + System.nanoTime();
        new PresigningHandler().handleRequest(key, null);
        String handler = PresigningHandler.class.getName();
        var lines = AwsOperationRecorder.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains(handler) && l.contains("\"PutObject\"") && l.contains(key)), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains(handler) && l.contains("\"GetObject\"") && l.contains(key)), lines.toString());
    }

    @Test
    void aValueThatIsAFunctionsEnvironmentVariableIsWrittenAsItsName() {
        String previous = System.getProperty(Settings.TABLE_NAME);
        System.setProperty(Settings.TABLE_NAME, "recorder-table");
        try {
            assertTrue(AwsOperationRecorder.symbolic("TableName", "recorder-table").equals("${TABLE_NAME}"));
            assertTrue(AwsOperationRecorder.symbolic("TableName", "other").equals("other"));
        } finally {
            if (previous == null) System.clearProperty(Settings.TABLE_NAME); else System.setProperty(Settings.TABLE_NAME, previous);
        }
    }
}
