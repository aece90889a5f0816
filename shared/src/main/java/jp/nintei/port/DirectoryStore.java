package jp.nintei.port;

import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;

/** Master data: 研修施設 and 指導者 with their 認定期間. */
public interface DirectoryStore {
    void putFacility(Facility facility);

    void putSupervisor(Supervisor supervisor);

    /** Every row of the master data, as one in-memory directory (a few paginated queries). */
    jp.nintei.domain.directory.Directory loadAll();
}
