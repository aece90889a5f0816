package jp.nintei.port;

import java.time.Duration;

/** Where finished exports are kept (a prefix of the private documents bucket) and how they are handed out. */
public interface ExportFiles {
    void put(String key, byte[] content, String contentType);

    /** A short-lived link that downloads the file under {@code fileName}. */
    String downloadLink(String key, String fileName, Duration ttl);
}
