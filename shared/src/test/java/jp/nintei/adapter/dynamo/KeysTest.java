package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import org.junit.jupiter.api.Test;

/** The stored key shapes stay as they are in every table already written (docs/architecture.md "The item model"). */
class KeysTest {
    private static final Instant AT = Instant.parse("2026-05-01T01:02:03Z");

    @Test
    void keysAreWrittenInTheStoredShape() {
        assertEquals("MEMBER#10000001", Keys.member("10000001"));
        assertEquals("APP#2026#NEW_PRIMARY", Keys.application(2026, ApplicationKind.NEW_PRIMARY));
        assertEquals("SUBMITTED#2026-05-01T01:02:03Z#10000001", Keys.applicationListSort(ApplicationStatus.SUBMITTED, AT, "10000001"));
        assertEquals("DRAFT#", Keys.statusPrefix(ApplicationStatus.DRAFT));
        assertEquals("2026-05-01T01:02:03Z#MEMBER#10000001#APP#2026#NEW_PRIMARY",
                Keys.pendingMailSort(AT, "10000001", 2026, ApplicationKind.NEW_PRIMARY));
        assertEquals("REVIEW#2026#NEW_PRIMARY", Keys.reviewList(2026, ApplicationKind.NEW_PRIMARY));
        assertEquals("2026-05-01T01:02:03Z#10000001", Keys.reviewListSort(AT, "10000001"));
        assertEquals("EXPORT#x1", Keys.export("x1"));
        assertEquals("MAIL#PENDING", Keys.MAIL_PENDING);
        assertEquals("AUDIT#PENDING", Keys.AUDIT_PENDING);
        assertEquals("ACCOUNT#PENDING", Keys.ACCOUNT_QUEUE);
        assertEquals(Keys.key("MEMBER#10000001", "APP#2026#NEW_SECONDARY"),
                Keys.applicationItem(new jp.nintei.port.ApplicationKey("10000001", 2026, ApplicationKind.NEW_SECONDARY)));
        assertEquals(Keys.key("WINDOW#2026", "WINDOW#2026"), Keys.windowItem(2026));
    }

    @Test
    void keysAreReadBack() {
        assertEquals("10000001", Keys.memberNoOf(Keys.member("10000001")));
        assertEquals("a@example.jp", Keys.emailOf(Keys.email("a@example.jp")));
        String sk = Keys.application(2026, ApplicationKind.NEW_PRIMARY);
        assertTrue(Keys.isApplication(sk));
        assertFalse(Keys.isApplication(Keys.PROFILE));
        assertEquals(2026, Keys.applicationYear(sk));
        assertEquals(ApplicationKind.NEW_PRIMARY, Keys.applicationKind(sk));
        assertEquals(AT.toString(), Keys.pendingMailSince(Keys.pendingMailSort(AT, "10000001", 2026, ApplicationKind.NEW_PRIMARY)));
    }
}
