package jp.nintei.inmemory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.nintei.port.ExportStore;

/** {@link ExportStore} in memory: a job id starts once; progress, finish and failure rewrite the job. */
public final class InMemoryExportStore implements ExportStore {
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    @Override
    public synchronized boolean start(Job job) { return jobs.putIfAbsent(job.id(), job) == null; }

    @Override
    public synchronized void progress(String id, String stage, int done, int total) {
        jobs.computeIfPresent(id, (k, j) -> new Job(j.id(), j.year(), j.kind(), j.status(), stage, done, total, j.fileKey(), j.rows(),
                j.bytes(), j.actor(), j.startedAt(), j.error()));
    }

    @Override
    public synchronized void finish(String id, String fileKey, int rows, long bytes, Instant at) {
        jobs.computeIfPresent(id, (k, j) -> new Job(j.id(), j.year(), j.kind(), Status.READY, "完了", j.total(), j.total(), fileKey, rows,
                bytes, j.actor(), j.startedAt(), null));
    }

    @Override
    public synchronized void fail(String id, String error, Instant at) {
        jobs.computeIfPresent(id, (k, j) -> new Job(j.id(), j.year(), j.kind(), Status.FAILED, j.stage(), j.done(), j.total(), null, 0, 0,
                j.actor(), j.startedAt(), error));
    }

    @Override
    public synchronized Optional<Job> find(String id) { return Optional.ofNullable(jobs.get(id)); }
}
