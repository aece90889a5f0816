package jp.nintei.inmemory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.secondary.AchievementRules;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.SecondaryStore;

/**
 * {@link SecondaryStore} in memory, on the same items as {@link InMemoryApplicationStore} (submit, documents and mail
 * of a 二次申請 go through that port, as in DynamoDB). A save has the conditions of DynamoApplicationStore.saveSecondary.
 * Not modelled: {@link TooLarge} (the DynamoDB mapper measures the stored JSON of a section).
 */
public final class InMemorySecondaryStore implements SecondaryStore {
    private final InMemoryTable table;

    public InMemorySecondaryStore(InMemoryTable table) { this.table = table; }

    @Override
    public Optional<Snapshot> loadSecondary(ApplicationKey key) {
        synchronized (table) {
            Member m = table.members.get(key.memberNo());
            if (m == null) return Optional.empty();
            InMemoryTable.Item i = table.items.get(key);
            InMemoryTable.Item primary = table.items.get(new ApplicationKey(key.memberNo(), key.year(), key.kind().requiredPrimary()));
            InMemoryTable.WindowItem w = table.windowItems.get(key.year());
            int required = w == null || w.requiredAchievements == null ? 1 : w.requiredAchievements;
            return Optional.of(new Snapshot(m, table.windows(key.year()),
                    i == null ? SecondaryApplication.empty(key.memberNo(), key.year(), key.kind()) : secondary(i),
                    primary != null && primary.status == ApplicationStatus.SUBMITTED,
                    new AchievementRules.Required(Math.max(1, required)), i == null ? null : i.correction));
        }
    }

    static SecondaryApplication secondary(InMemoryTable.Item i) {
        return new SecondaryApplication(i.key.memberNo(), i.key.year(), i.key.kind(), i.status, i.version, i.duesInProcess,
                i.july, i.resume, i.training, i.achievements, i.identity, List.copyOf(i.documents.values()), i.submittedAt,
                i.receiptNo, i.mail);
    }

    /** A draft (or a first save) at {@code expectedVersion}; the section it changes must be open after a 差し戻し. */
    @Override
    public long saveSecondary(ApplicationKey key, long expectedVersion, Change c, Instant now) {
        ReviewSection section = c.resume() != null ? ReviewSection.RESUME
                : c.training() != null ? ReviewSection.TRAINING
                : c.achievements() != null ? ReviewSection.ACHIEVEMENTS
                : c.identity() != null ? ReviewSection.IDENTITY
                : ReviewSection.REQUIREMENTS;
        synchronized (table) {
            InMemoryTable.Item i = table.write(key, true, expectedVersion, section, null, now);
            if (c.resume() != null) i.resume = c.resume();
            if (c.training() != null) i.training = List.copyOf(c.training());
            if (c.achievements() != null) i.achievements = List.copyOf(c.achievements());
            if (c.identity() != null) i.identity = c.identity();
            if (c.duesInProcess() != null) i.duesInProcess = c.duesInProcess();
            if (c.july() != null) i.july = c.july();
            return InMemoryTable.bump(i, now);
        }
    }
}
