package jp.nintei.inmemory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.directory.Directory;
import jp.nintei.port.DirectoryStore;

/**
 * {@link DirectoryStore} in memory. As in DynamoDB a row is keyed by its number, 認定期間 start and type (施設) or
 * qualification (指導者): putting the same row again replaces it, another period is another row.
 */
public final class InMemoryDirectoryStore implements DirectoryStore {
    private final Map<String, Facility> facilities = new LinkedHashMap<>();
    private final Map<String, Supervisor> supervisors = new LinkedHashMap<>();

    @Override
    public synchronized void putFacility(Facility f) { facilities.put(f.facilityNo() + "#" + f.validFrom() + "#" + f.type(), f); }

    @Override
    public synchronized void putSupervisor(Supervisor s) {
        supervisors.put(s.supervisorNo() + "#" + s.validFrom() + "#" + s.qualification(), s);
    }

    @Override
    public synchronized Directory loadAll() { return new Directory(new ArrayList<>(facilities.values()), new ArrayList<>(supervisors.values())); }
}
