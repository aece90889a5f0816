package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile headers are refused or ignored, never an exception. */
class InspectionTest {
    /** SOI, an APP1 Exif block whose IFD offset points far outside the file, then EOI. */
    static byte[] jpegWithBadExifOffset(int offset) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x00, 0x10});
        b.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42});
        b.writeBytes(new byte[] {(byte) (offset >>> 24), (byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset});
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return b.toByteArray();
    }

    @Test
    void anExifOffsetOutsideTheFileReadsAsUpright() {
        assertEquals(1, Inspection.exifOrientation(jpegWithBadExifOffset(0x80000000)));
        assertEquals(1, Inspection.exifOrientation(jpegWithBadExifOffset(0x7FFFFFF0)));
        assertEquals(1, Inspection.exifOrientation(jpegWithBadExifOffset(4)));
    }

    @Test
    void anUnreadablePdfIsAProblemNotAnException() {
        Inspection i = Inspection.of(DocumentPurpose.ACHIEVEMENT_COPY, FileType.PDF, "%PDF-1.4\n garbage \n%%EOF".getBytes());
        assertNotNull(i.problem());
        assertEquals("INVALID_CONTENT", i.problem().code());
    }
}
