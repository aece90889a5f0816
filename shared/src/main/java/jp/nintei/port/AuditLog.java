package jp.nintei.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 監査ログ: who did what to whom, kept by day and by member; written by everyone who acts on an application. */
public interface AuditLog {
    /** One audit record: who did what to whom, with the state before and after (text). */
    record Entry(Instant at, String actor, String action, String memberNo, String application, String before, String after) {}

    void record(Entry entry);

    /** The lines of one JST day, newest first. */
    List<Entry> on(LocalDate day);

    /** The lines about one member, newest first. */
    List<Entry> of(String memberNo);
}
