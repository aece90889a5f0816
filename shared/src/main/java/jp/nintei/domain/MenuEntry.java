package jp.nintei.domain;

/**
 * One line of the 専門医 menu: the kind, whether it can be used, and the exact text the manual shows
 * (the window {@code 受付期間：…}, {@code 申請済みです。}, or the reason it cannot be used).
 */
public record MenuEntry(ApplicationKind kind, State state, String text, String windowLabel) {
    public enum State {
        /** within the window: the text is the window and the line is a link */
        OPEN,
        /** this year's application is submitted */
        SUBMITTED,
        /** outside the window, or (secondary) the primary is not submitted */
        CLOSED,
        /** the member is not eligible for this kind at all */
        NOT_ELIGIBLE
    }

    public boolean usable() { return state == State.OPEN; }
}
