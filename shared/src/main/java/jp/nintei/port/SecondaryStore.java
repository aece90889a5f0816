package jp.nintei.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.TrainingRef;

/** 二次申請 items (the same table and item shape as 一次申請: one item, conditional writes, documents D#…). */
public interface SecondaryStore {
    /**
     * The member, windows, this application, whether its 一次申請 is submitted, and how many 業績 the year asks for
     * (the secretariat's setting on the year's window item; default 1): one request.
     */
    record Snapshot(Member member, YearWindows windows, SecondaryApplication application, boolean primarySubmitted,
                    jp.nintei.domain.secondary.AchievementRules.Required requiredAchievements,
                    jp.nintei.domain.review.Correction correction) {
        public Snapshot {
            if (correction == null) correction = jp.nintei.domain.review.Correction.NONE;
        }

        public Snapshot(Member member, YearWindows windows, SecondaryApplication application, boolean primarySubmitted,
                        jp.nintei.domain.secondary.AchievementRules.Required requiredAchievements) {
            this(member, windows, application, primarySubmitted, requiredAchievements, null);
        }
    }

    /** What one save changes; {@code null} fields stay as they are. */
    record Change(Resume resume, List<TrainingRef> training, List<Achievement> achievements, IdentityDocuments identity,
                  Boolean duesInProcess, JulyProjection july) {}

    /** A section too large to store (the item must stay far below DynamoDB's 400 KB). */
    final class TooLarge extends RuntimeException {
        public TooLarge() { super("section too large", null, false, false); }
    }

    Optional<Snapshot> loadSecondary(ApplicationKey key);

    /** Saves a draft whose stored version is {@code expectedVersion}; returns the new version. */
    long saveSecondary(ApplicationKey key, long expectedVersion, Change change, Instant now);
}
