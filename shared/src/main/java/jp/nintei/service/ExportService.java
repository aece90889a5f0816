package jp.nintei.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.platform.Log;
import jp.nintei.port.ExportFiles;
import jp.nintei.port.ExportStore;

/**
 * The secretariat's CSV export delivered through S3: the file is built into the documents bucket's
 * {@code exports/} prefix and handed back as a five-minute link, so its size never meets Lambda's 6 MB response
 * limit. The page names the job (a UUID it makes) so it can poll the job's progress while the build runs; the
 * same request again shows the same job instead of building a second file.
 */
public final class ExportService {
    public static final Duration LINK_TTL = Duration.ofMinutes(5);
    /**
     * How long a built file is kept: the bucket's lifecycle rule removes {@code exports/} after a day (template.yaml,
     * expire-exports). An older job is answered as expired, never with a link that would fail in the browser.
     */
    public static final Duration FILE_LIFETIME = Duration.ofDays(1);
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A job as the page sees it, with a fresh link once the file is ready. */
    public record View(ExportStore.Job job, String url, String fileName) {}

    private final ApplicationExport export;
    private final ExportStore jobs;
    private final ExportFiles files;
    private final Clock clock;

    public ExportService(ApplicationExport export, ExportStore jobs, ExportFiles files, Clock clock) {
        this.export = export;
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
    }

    /** Builds the export named {@code id}; returns it ready with its link (or as it is, when it was started before). */
    public View build(String id, int year, ApplicationKind kind, String actor) {
        String jobId = checkedId(id);
        ExportStore.Job start = new ExportStore.Job(jobId, year, kind, ExportStore.Status.BUILDING, "開始", 0, 0, null, 0, 0,
                actor, clock.instant(), null);
        if (!jobs.start(start)) return status(jobId);
        byte[] csv;
        String key = "exports/" + year + "/" + jobId + ".csv";
        try {
            csv = export.csv(year, kind, (stage, done, total) -> progress(jobId, stage, done, total));
            files.put(key, csv, "text/csv; charset=utf-8");
        } catch (RuntimeException e) {
            try {
                jobs.fail(jobId, "CSVを作成できませんでした。時間をおいて、もう一度「CSVを作成」を押してください。", clock.instant());
            } catch (RuntimeException alsoFailing) {
                Log.warn("export-fail-not-recorded", Map.of("job", jobId, "error", alsoFailing.getClass().getName()));
            }
            throw e;
        }
        int rows = Math.max(0, ExcelCsvLines.count(csv) - 1);
        jobs.finish(jobId, key, rows, csv.length, clock.instant());
        return status(jobId);
    }

    /** The job as it is now; a ready job gets a new five-minute link each time it is asked for. */
    public View status(String id) {
        ExportStore.Job job = jobs.find(checkedId(id)).orElseThrow(() -> Rejection.notFound("EXPORT_NOT_FOUND", null,
                "このCSVの作成記録が見つかりません。もう一度「CSVを作成」を押してください。"));
        if (job.status() != ExportStore.Status.READY) return new View(job, null, null);
        if (job.startedAt().plus(FILE_LIFETIME).isBefore(clock.instant())) {
            throw Rejection.notFound("EXPORT_EXPIRED", null,
                    "このCSVは保存期間（作成から1日）を過ぎたため削除されました。もう一度「CSVを作成」を押してください。");
        }
        String name = job.year() + "_" + job.kind().label() + ".csv";
        return new View(job, files.downloadLink(job.fileKey(), name, LINK_TTL), name);
    }

    private void progress(String id, String stage, int done, int total) {
        try {
            jobs.progress(id, stage, done, total);
        } catch (RuntimeException e) {
            // progress is for the eyes only: the export goes on without it
            Log.warn("export-progress", Map.of("job", id, "error", e.getClass().getName()));
        }
    }

    private static String checkedId(String id) {
        String n = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT);
        if (!JOB_ID.matcher(n).matches()) {
            throw Rejection.invalid("BAD_EXPORT_ID", "id", "CSV作成の指定が正しくありません。画面を再読み込みしてください。");
        }
        return n;
    }

    /** Records in an RFC 4180 file (a quoted cell may hold line breaks): CRLF outside quotes. */
    static final class ExcelCsvLines {
        private ExcelCsvLines() {}

        static int count(byte[] csv) {
            String s = new String(csv, StandardCharsets.UTF_8);
            int lines = 0;
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') quoted = !quoted;
                else if (c == '\n' && !quoted) lines++;
            }
            return lines;
        }
    }
}
