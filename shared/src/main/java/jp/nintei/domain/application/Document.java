package jp.nintei.domain.application;

import java.time.Instant;

/**
 * An uploaded document of an application. It counts only once {@link Status#REGISTERED}: the object was
 * found with the declared size and SHA-256 and its bytes are really of an accepted type.
 *
 * @param sha256 hex, lower case
 */
public record Document(String id, DocumentPurpose purpose, String fileName, long size, FileType type, String sha256,
                       Status status, Instant uploadedAt, int pages) {
    public enum Status { PENDING, REGISTERED }

    /** A document whose page count is not known (yet): {@code pages} 0. */
    public Document(String id, DocumentPurpose purpose, String fileName, long size, FileType type, String sha256,
                    Status status, Instant uploadedAt) {
        this(id, purpose, fileName, size, type, sha256, status, uploadedAt, 0);
    }

    public boolean registered() { return status == Status.REGISTERED; }
}
