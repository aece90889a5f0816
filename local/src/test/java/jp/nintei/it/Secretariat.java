package jp.nintei.it;

import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;

/** The secretariat (事務局: the demo's office@example.jp) signed in through the local gateway. */
final class Secretariat {
    private Secretariat() {}

    /** Its bearer token, for the Authorization header of the secretariat's routes. */
    static String bearer(LocalSystem system) {
        return "Bearer " + Http.idToken(system.gateway().url(), "office@example.jp", DemoData.PASSWORD);
    }
}
