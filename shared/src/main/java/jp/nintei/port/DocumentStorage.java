package jp.nintei.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The private documents bucket, reached by the browser only through short-lived presigned URLs. */
public interface DocumentStorage {
    /** A presigned PUT: the browser must send exactly these headers and a body of the declared length and checksum. */
    record UploadTicket(String url, Map<String, String> headers, Instant expiresAt) {}

    UploadTicket presignUpload(String key, long size, String contentType, String sha256Base64, Duration ttl);

    /** A presigned GET that shows the file inline under its original name. */
    String presignDownload(String key, String fileName, String contentType, Duration ttl);

    /** The whole object, or empty when there is none; never more than {@code maxBytes + 1} bytes are read. */
    Optional<byte[]> read(String key, long maxBytes);

    void delete(String key);

    static String key(ApplicationKey app, String documentId) {
        return "applications/" + app.year() + "/" + app.memberNo() + "/" + documentId;
    }
}
