package jp.nintei.port;

import java.time.Instant;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;

/** The secretariat's CSV exports as jobs: the page polls a job while it builds, then downloads the file from S3. */
public interface ExportStore {
    enum Status { BUILDING, READY, FAILED }

    /**
     * One export: {@code stage} and {@code done}/{@code total} say how far it is; {@code fileKey} is the S3 key of the
     * finished file; {@code error} the Japanese reason when it failed.
     */
    record Job(String id, int year, ApplicationKind kind, Status status, String stage, int done, int total, String fileKey,
               int rows, long bytes, String actor, Instant startedAt, String error) {}

    /** Records a new job; false when a job with this id exists already (the page sent the same request again). */
    boolean start(Job job);

    void progress(String id, String stage, int done, int total);

    void finish(String id, String fileKey, int rows, long bytes, Instant at);

    void fail(String id, String error, Instant at);

    Optional<Job> find(String id);
}
