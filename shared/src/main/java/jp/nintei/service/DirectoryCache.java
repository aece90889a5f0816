package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import jp.nintei.domain.directory.Directory;

/**
 * The facility and supervisor master data, held per container and searched in memory, so a search as the
 * applicant types costs no DynamoDB request; reloaded every five minutes (imports by the secretariat show up
 * within that time).
 */
public final class DirectoryCache implements Supplier<Directory> {
    public static final Duration TTL = Duration.ofMinutes(5);

    private final Supplier<Directory> loader;
    private final Clock wall;
    private volatile Directory directory;
    private volatile Instant loadedAt = Instant.MIN;

    public DirectoryCache(Supplier<Directory> loader, Clock wall) {
        this.loader = loader;
        this.wall = wall;
    }

    @Override
    public Directory get() {
        Instant now = wall.instant();
        if (directory == null || loadedAt.plus(TTL).isBefore(now)) {
            synchronized (this) {
                if (directory == null || loadedAt.plus(TTL).isBefore(now)) {
                    directory = loader.get();
                    loadedAt = now;
                }
            }
        }
        return directory;
    }
}
