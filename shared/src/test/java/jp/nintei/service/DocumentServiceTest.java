package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.inmemory.InMemoryPorts;
import jp.nintei.inmemory.MovableClock;
import jp.nintei.inmemory.TestFiles;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.DocumentStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads through the ports in memory: slot, 登録 judged by the stored bytes, ×, frozen after submit. */
class DocumentServiceTest {
    static final String NO = PrimaryApplicationServiceTest.NO;
    static final ApplicationKey KEY = PrimaryApplicationServiceTest.KEY;

    InMemoryPorts ports;
    DocumentService service;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts(MovableClock.at(2026, 4, 10, 10, 0));
        ports.table.putMember(PrimaryApplicationServiceTest.MEMBER);
        service = ports.documentService();
    }

    DocumentService.Slot slot(byte[] declared, String contentType) {
        return service.requestSlot(NO, ApplicationKind.NEW_PRIMARY, "FEE_RECEIPT", "振込控え（4月）.png", declared.length,
                contentType, TestFiles.sha256(declared));
    }

    String objectKey(DocumentService.Slot s) { return DocumentStorage.key(KEY, s.document().id()); }

    List<Document> stored() { return ports.applications.load(KEY).orElseThrow().application().documents(); }

    @Test
    void aSlotIsAPendingReferenceAndAnUploadSignedForItsLengthTypeAndChecksum() {
        byte[] png = TestFiles.png(40, 30);
        var s = slot(png, "image/png");
        assertEquals("振込控え（4月）.png", s.document().fileName(), "a file name is never NFKC-normalised");
        assertEquals(Document.Status.PENDING, stored().get(0).status());
        var ticket = ports.documents.ticket(objectKey(s));
        assertEquals(Long.toString(png.length), ticket.headers().get("Content-Length"));
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(TestFiles.sha256(png))),
                ticket.headers().get("x-amz-checksum-sha256"));
        assertEquals(ports.clock.instant().plus(DocumentService.UPLOAD_TTL), ticket.expiresAt());
    }

    @Test
    void aTypeThePurposeDoesNotTakeIsRefusedBeforeAnySlot() {
        byte[] png = TestFiles.png(40, 30);
        Rejection r = assertThrows(Rejection.class, () -> service.requestSlot(NO, ApplicationKind.NEW_PRIMARY, "FEE_RECEIPT",
                "a.gif", png.length, "image/gif", TestFiles.sha256(png)));
        assertEquals(Rejection.Kind.UNSUPPORTED_TYPE, r.kind());
        Rejection big = assertThrows(Rejection.class, () -> service.requestSlot(NO, ApplicationKind.NEW_PRIMARY, "FEE_RECEIPT",
                "a.png", DocumentPurpose.MAX_BYTES + 1, "image/png", TestFiles.sha256(png)));
        assertEquals(Rejection.Kind.TOO_LARGE, big.kind());
        assertTrue(stored().isEmpty());
    }

    @Test
    void registrationOfTheUploadedBytesCountsTheFile() {
        byte[] png = TestFiles.png(40, 30);
        var s = slot(png, "image/png");
        ports.documents.put(objectKey(s), png);
        var registered = service.register(NO, ApplicationKind.NEW_PRIMARY, s.document().id());
        assertTrue(registered.document().registered());
        assertEquals(s.version() + 1, registered.version());
        assertEquals(1, ports.applications.load(KEY).orElseThrow().application().registered(DocumentPurpose.FEE_RECEIPT).size());
        assertEquals(-1, service.register(NO, ApplicationKind.NEW_PRIMARY, s.document().id()).version(), "a repeat changes nothing");
    }

    @Test
    void registrationBeforeTheUploadFinishedIsRefusedAndTheSlotStays() {
        var s = slot(TestFiles.png(40, 30), "image/png");
        Rejection r = assertThrows(Rejection.class, () -> service.register(NO, ApplicationKind.NEW_PRIMARY, s.document().id()));
        assertEquals("UPLOAD_NOT_FINISHED", r.code());
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals(1, stored().size());
    }

    @Test
    void bytesOtherThanDeclaredAreRefusedAndNeitherObjectNorReferenceStays() {
        byte[] declared = TestFiles.png(40, 30);
        var s = slot(declared, "image/png");
        ports.documents.put(objectKey(s), TestFiles.png(41, 30));
        Rejection r = assertThrows(Rejection.class, () -> service.register(NO, ApplicationKind.NEW_PRIMARY, s.document().id()));
        assertEquals("UPLOAD_MISMATCH", r.code());
        assertEquals(Rejection.Kind.UNPROCESSABLE, r.kind());
        assertTrue(stored().isEmpty());
        assertFalse(ports.documents.exists(objectKey(s)));
    }

    @Test
    void aFileThatIsNotReallyOfItsDeclaredTypeIsRefusedByItsContent() {
        byte[] pdf = TestFiles.pdf(1);
        var s = slot(pdf, "image/png"); // a PDF renamed .png: the declared type is accepted, the bytes are not a PNG
        ports.documents.put(objectKey(s), pdf);
        Rejection r = assertThrows(Rejection.class, () -> service.register(NO, ApplicationKind.NEW_PRIMARY, s.document().id()));
        assertEquals("INVALID_CONTENT", r.code());
        assertTrue(stored().isEmpty());
        assertFalse(ports.documents.exists(objectKey(s)));
    }

    @Test
    void aSecondFeeReceiptIsRefusedUntilTheFirstIsRemovedWithTheCross() {
        PrimaryApplicationServiceTest.uploadFeeReceipt(ports, NO);
        byte[] png = TestFiles.png(50, 30);
        Rejection r = assertThrows(Rejection.class, () -> slot(png, "image/png"));
        assertEquals("DOCUMENT_LIMIT", r.code());

        String first = stored().get(0).id();
        service.delete(NO, ApplicationKind.NEW_PRIMARY, first);
        assertTrue(stored().isEmpty());
        assertFalse(ports.documents.exists(DocumentStorage.key(KEY, first)));
        Rejection again = assertThrows(Rejection.class, () -> service.delete(NO, ApplicationKind.NEW_PRIMARY, first));
        assertEquals(Rejection.Kind.NOT_FOUND, again.kind());
        assertEquals(Document.Status.PENDING, slot(png, "image/png").document().status());
    }

    @Test
    void unfinishedSlotsNeverLockTheApplicantOutTheOldestIsReplaced() {
        byte[] png = TestFiles.png(40, 30);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DocumentService.MAX_PENDING_PER_PURPOSE; i++) {
            ids.add(slot(png, "image/png").document().id());
            ports.clock.advance(Duration.ofSeconds(1));
        }
        ports.documents.put(DocumentStorage.key(KEY, ids.get(0)), png); // uploaded, never registered
        var sixth = slot(png, "image/png");
        List<String> now = stored().stream().map(Document::id).toList();
        assertEquals(DocumentService.MAX_PENDING_PER_PURPOSE, now.size());
        assertFalse(now.contains(ids.get(0)), "the oldest unfinished slot is replaced");
        assertTrue(now.contains(sixth.document().id()));
        assertFalse(ports.documents.exists(DocumentStorage.key(KEY, ids.get(0))));
    }

    @Test
    void afterSubmitTheDocumentsAreFrozen() {
        PrimaryApplicationServiceTest.uploadFeeReceipt(ports, NO);
        var primary = ports.primaryService();
        long v = primary.save(NO, ApplicationKind.NEW_PRIMARY, ports.table.version(KEY), List.of("13", "27", "01"));
        primary.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        String id = stored().get(0).id();

        Rejection slot = assertThrows(Rejection.class, () -> slot(TestFiles.png(40, 30), "image/png"));
        assertEquals("ALREADY_SUBMITTED", slot.code());
        Rejection cross = assertThrows(Rejection.class, () -> service.delete(NO, ApplicationKind.NEW_PRIMARY, id));
        assertEquals("ALREADY_SUBMITTED", cross.code());
        assertEquals(Rejection.Kind.CONFLICT, cross.kind());
        assertTrue(ports.documents.exists(DocumentStorage.key(KEY, id)));
        assertEquals(1, stored().size());
        assertTrue(service.previewUrl(NO, ApplicationKind.NEW_PRIMARY, id).contains(id), "still viewable");
    }

    @Test
    void a二次UploadNeedsTheSubmitted一次() {
        ports.clock.set(2026, 6, 10, 10, 0);
        byte[] pdf = TestFiles.pdf(1);
        Rejection r = assertThrows(Rejection.class, () -> service.requestSlot(NO, ApplicationKind.NEW_SECONDARY,
                "TRAINING_CERTIFICATE", "修了証.pdf", pdf.length, "application/pdf", TestFiles.sha256(pdf)));
        assertEquals("SECONDARY_UNAVAILABLE", r.code());
        assertEquals(Rejection.Kind.FORBIDDEN, r.kind());
    }
}
