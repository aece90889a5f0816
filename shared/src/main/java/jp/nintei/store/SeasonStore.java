package jp.nintei.store;

import java.time.Instant;
import java.util.List;
import jp.nintei.domain.ApplicationKind;

/** What the season's schedule reads and writes: window state, drafts, 未提出 marks, reminder marks. */
public interface SeasonStore {
    /** The recorded state of one window ("OPEN", "CLOSED", or null when never recorded). */
    String windowState(int year, ApplicationKind.Stage stage);

    /** Records a change of state once: false when another run already recorded it. */
    boolean recordWindowState(int year, ApplicationKind.Stage stage, String expected, String next, Instant at);

    /** 会員番号 of every application of the year and kind still in draft (through GSI1). */
    List<String> drafts(int year, ApplicationKind kind);

    /** 会員番号 of every application of the year and kind marked 未提出. */
    List<String> notSubmitted(int year, ApplicationKind kind);

    /** Makes a 未提出 application a draft again (the window was reopened). */
    boolean markDraftAgain(ApplicationKey key, Instant at);

    /** Marks a draft 未提出; false when it was submitted meanwhile. */
    boolean markNotSubmitted(ApplicationKey key, Instant at);

    /**
     * The applicant's own last day (an individual extension or a 修正期限, JST) of the drafts of the year and kind,
     * by 会員番号; drafts without one are absent. A member with their own later deadline is reminded of that one.
     */
    java.util.Map<String, java.time.LocalDate> draftExtensions(int year, ApplicationKind kind);

    /** Marks a reminder as sent for this application; false when it already was (each reminder at most once). */
    boolean markReminded(ApplicationKey key, String reminder, Instant at);
}
