package jp.nintei.adapter.s3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.nintei.port.ExportFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link ExportFiles} under {@code exports/} of the documents bucket (private; a lifecycle rule removes them after a day). */
public final class S3ExportFiles implements ExportFiles {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ExportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(p -> p.bucket(bucket).key(key).contentType(contentType).contentLength((long) content.length),
                RequestBody.fromBytes(content));
    }

    @Override
    public String downloadLink(String key, String fileName, Duration ttl) {
        String disposition = "attachment; filename=\"export.csv\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return presigner.presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(o -> o.bucket(bucket).key(key)
                .responseContentType("text/csv; charset=utf-8").responseContentDisposition(disposition)
                .responseCacheControl("no-store"))).url().toString();
    }
}
