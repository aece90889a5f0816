package jp.nintei.adapter.dynamo;

import java.util.HashMap;
import java.util.Map;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.port.DirectoryStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Facilities and supervisors, one item per 認定期間/種別, all also under GSI1 {@code DIR#FACILITY} /
 * {@code DIR#SUPERVISOR} (sorted by ふりがな) so the directory search is one Query.
 */
public final class DynamoDirectoryStore implements DirectoryStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDirectoryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void putFacility(Facility f) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.facility(f.facilityNo()),
                Keys.facilityPeriod(f.validFrom(), f.type())));
        item.put("facilityNo", AttributeValue.fromS(f.facilityNo()));
        common(item, f.name(), f.kana(), f.validFrom().toString(), f.validTo().toString());
        item.put("type", AttributeValue.fromS(f.type()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.FACILITIES));
        item.put(Keys.GSI1SK, AttributeValue.fromS(Keys.directorySort(f.kana(), f.facilityNo(), f.validFrom())));
        put(item);
    }

    @Override
    public void putSupervisor(Supervisor s) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.supervisor(s.supervisorNo()),
                Keys.supervisorQualification(s.validFrom(), s.qualification())));
        item.put("supervisorNo", AttributeValue.fromS(s.supervisorNo()));
        common(item, s.name(), s.kana(), s.validFrom().toString(), s.validTo().toString());
        item.put("qualification", AttributeValue.fromS(s.qualification()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.SUPERVISORS));
        item.put(Keys.GSI1SK, AttributeValue.fromS(Keys.directorySort(s.kana(), s.supervisorNo(), s.validFrom())));
        put(item);
    }

    @Override
    public jp.nintei.domain.directory.Directory loadAll() {
        java.util.List<Facility> facilities = new java.util.ArrayList<>();
        for (Map<String, AttributeValue> i : all(Keys.FACILITIES)) {
            facilities.add(new Facility(Attr.s(i, "facilityNo"), Attr.s(i, "name"), Attr.s(i, "kana"), Attr.s(i, "type"),
                    Attr.date(i, "validFrom"), Attr.date(i, "validTo")));
        }
        java.util.List<Supervisor> supervisors = new java.util.ArrayList<>();
        for (Map<String, AttributeValue> i : all(Keys.SUPERVISORS)) {
            supervisors.add(new Supervisor(Attr.s(i, "supervisorNo"), Attr.s(i, "name"), Attr.s(i, "kana"),
                    Attr.s(i, "qualification"), Attr.date(i, "validFrom"), Attr.date(i, "validTo")));
        }
        return new jp.nintei.domain.directory.Directory(facilities, supervisors);
    }

    private java.util.List<Map<String, AttributeValue>> all(String partition) {
        java.util.List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
                .items().forEach(out::add);
        return out;
    }

    private static void common(Map<String, AttributeValue> item, String name, String kana, String from, String to) {
        item.put("name", AttributeValue.fromS(name));
        item.put("kana", AttributeValue.fromS(kana));
        item.put("validFrom", AttributeValue.fromS(from));
        item.put("validTo", AttributeValue.fromS(to));
    }

    private void put(Map<String, AttributeValue> item) {
        ItemSize.check(item);
        dynamo.putItem(p -> p.tableName(table).item(item));
    }
}
