package jp.nintei.inmemory;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.nintei.port.DocumentStorage;

/**
 * The documents bucket in memory. A presigned PUT is recorded (what the browser would be told to send); the upload
 * itself is {@link #put}, which stores whatever bytes a test gives: S3 refuses a body that does not match the signed
 * length and checksum, so bytes that differ stand for an object replaced afterwards or a tampered client.
 */
public final class InMemoryDocumentStorage implements DocumentStorage {
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private final Map<String, UploadTicket> tickets = new LinkedHashMap<>();
    private final Clock clock;

    public InMemoryDocumentStorage(Clock clock) { this.clock = clock; }

    @Override
    public synchronized UploadTicket presignUpload(String key, long size, String contentType, String sha256Base64, Duration ttl) {
        UploadTicket t = new UploadTicket("memory://documents/" + key, Map.of("Content-Type", contentType,
                "Content-Length", Long.toString(size), "x-amz-checksum-sha256", sha256Base64), clock.instant().plus(ttl));
        tickets.put(key, t);
        return t;
    }

    @Override
    public String presignDownload(String key, String fileName, String contentType, Duration ttl) {
        return "memory://documents/" + key + "?expires=" + clock.instant().plus(ttl) + "&name=" + fileName;
    }

    /** At most {@code maxBytes + 1} bytes, as the S3 read stops there (the caller then sees it is too large). */
    @Override
    public synchronized Optional<byte[]> read(String key, long maxBytes) {
        byte[] b = objects.get(key);
        if (b == null) return Optional.empty();
        return Optional.of(b.length > maxBytes + 1 ? Arrays.copyOf(b, (int) (maxBytes + 1)) : b.clone());
    }

    /** Deleting what is not there is no error (as in S3). */
    @Override
    public synchronized void delete(String key) { objects.remove(key); }

    /** The browser's PUT to the presigned URL. */
    public synchronized void put(String key, byte[] bytes) { objects.put(key, bytes.clone()); }

    public synchronized boolean exists(String key) { return objects.containsKey(key); }

    /** The last upload ticket handed out for this object key, or null. */
    public synchronized UploadTicket ticket(String key) { return tickets.get(key); }
}
