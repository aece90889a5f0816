package jp.nintei.service;

import java.time.ZonedDateTime;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.YearWindows;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;

/** Whether an applicant may change or submit now: the year's 受付期間, or the secretariat's 期限延長 of it for this applicant. */
final class ApplicantWindow {
    private ApplicantWindow() {}

    /** Open now; the extension is read (one extra request) only when the window itself is closed. */
    static boolean isOpen(ApplicationStore store, ApplicationKey key, YearWindows windows, ZonedDateTime now) {
        ApplicationWindow w = windows.windowFor(key.kind());
        if (w.isOpenAt(now)) return true;
        return ApplicationSummary.openFor(w, store.extension(key).orElse(null), now);
    }
}
