package jp.nintei.adapter.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.platform.Settings;
import jp.nintei.port.DocumentStorage;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** {@link DocumentStorage} on S3. The presigned PUT signs the exact length, the content type and the SHA-256. */
public final class S3DocumentStorage implements DocumentStorage {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The presigner, configured like the client (region, credentials, path style on the local stack). */
    public static S3Presigner presigner() {
        S3Presigner.Builder b = S3Presigner.builder().region(Region.of(Settings.region()))
                .credentialsProvider(AwsClients.credentials());
        Settings.localEndpoint("S3").ifPresent(e -> b.endpointOverride(e)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return b.build();
    }

    @Override
    public UploadTicket presignUpload(String key, long size, String contentType, String sha256Base64, Duration ttl) {
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentLength(size).contentType(contentType)
                        .checksumSHA256(sha256Base64)));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : p.signedHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            // the browser sets these itself and refuses to be told
            if (name.equals("host") || name.equals("content-length")) continue;
            headers.put(h.getKey(), String.join(",", h.getValue()));
        }
        return new UploadTicket(p.url().toString(), headers, p.expiration());
    }

    @Override
    public String presignDownload(String key, String fileName, String contentType, Duration ttl) {
        String disposition = "inline; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return presigner.presignGetObject(r -> r.signatureDuration(ttl).getObjectRequest(o -> o.bucket(bucket).key(key)
                .responseContentType(contentType).responseContentDisposition(disposition)
                .responseCacheControl("no-store"))).url().toString();
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> g.bucket(bucket).key(key))) {
            return Optional.of(readAtMost(in, maxBytes + 1));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // without s3:ListBucket (least privilege) S3 answers a missing key with 403 AccessDenied, not 404
            if (e.statusCode() == 403 || e.statusCode() == 404) return Optional.empty();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(d -> d.bucket(bucket).key(key));
    }

    public static Instant never() { return Instant.MAX; }
}
