package jp.nintei.it;

import java.util.ArrayList;
import java.util.List;
import jp.nintei.local.LocalSystem;
import tools.jackson.databind.JsonNode;

/** The mail aws-ses-v2-local received ({@code GET /store}). */
final class SesStore {
    private SesStore() {}

    static List<JsonNode> mailsTo(LocalSystem system, String address) {
        Http.Response r = Http.get(system.aws().endpoints().ses() + "/store", null);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : r.json().path("emails")) {
            if (e.toString().contains(address)) out.add(e);
        }
        return out;
    }
}
