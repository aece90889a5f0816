package jp.nintei.inmemory;

import jp.nintei.port.ApplicationStore;
import jp.nintei.port.MemberStore;
import jp.nintei.port.SeasonStore;
import jp.nintei.port.SecondaryStore;

/** The in-memory ports give the answers the contract asks (the local module runs the same on DynamoDB). */
class InMemoryPortsContractTest extends ApplicationPortsContract {
    private final InMemoryPorts ports = new InMemoryPorts(MovableClock.at(2091, 4, 10, 10, 0));

    @Override protected ApplicationStore applications() { return ports.applications; }

    @Override protected SecondaryStore secondaries() { return ports.secondaries; }

    @Override protected MemberStore members() { return ports.members; }

    @Override protected SeasonStore season() { return ports.season; }
}
