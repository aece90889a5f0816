package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The type is judged by the bytes (docs/domain.md "Files"): real images made with ImageIO, a hand-made PDF. */
class FileTypeTest {
    private static byte[] png;
    private static byte[] jpeg;

    @BeforeAll
    static void makeImages() {
        System.setProperty("java.awt.headless", "true");
        png = image("png");
        jpeg = image("jpg");
    }

    /** A small picture with some content (a gradient and a rectangle), as a screenshot would be. */
    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(10, 10, 20, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(img, format, out), "ImageIO has a writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal but well-formed one-page PDF, ending with %%EOF and its newline. */
    static byte[] pdf() {
        String s = "%PDF-1.4\n"
                + "%\u00e2\u00e3\u00cf\u00d3\n"
                + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                + "xref\n0 4\n0000000000 65535 f \n"
                + "trailer\n<< /Size 4 /Root 1 0 R >>\n"
                + "startxref\n0\n"
                + "%%EOF\n";
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // --- complete files

    @Test
    void completePdf() {
        assertEquals(FileType.PDF, FileType.detect(pdf()));
    }

    @Test
    void pdfWithoutTrailingNewline() {
        byte[] p = pdf();
        assertEquals(FileType.PDF, FileType.detect(Arrays.copyOf(p, p.length - 1)));
    }

    @Test
    void pdfWithNewlineAndAFewBytesAfterEof() {
        byte[] withTail = concat(pdf(), "\r\n\0\0 \n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(FileType.PDF, FileType.detect(withTail));
    }

    @Test
    void largerPdfWhoseEofIsAtTheVeryEnd() {
        // a body of several kilobytes: %%EOF must be looked for at the end, not only in the first bytes
        byte[] p = pdf();
        byte[] head = Arrays.copyOf(p, 9); // "%PDF-1.4\n"
        byte[] filler = new byte[20_000];
        Arrays.fill(filler, (byte) 'x');
        byte[] big = concat(concat(head, filler), Arrays.copyOfRange(p, 9, p.length));
        assertEquals(FileType.PDF, FileType.detect(big));
    }

    @Test
    void imageIoPng() {
        assertEquals(FileType.PNG, FileType.detect(png));
    }

    @Test
    void imageIoJpeg() {
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        assertEquals(FileType.JPEG, FileType.detect(jpeg));
    }

    @Test
    void typeIsJudgedByContentNotByWhatItClaims() {
        // the same bytes give the same answer whatever they were called; each one only for itself
        assertEquals(FileType.PNG, FileType.detect(png.clone()));
        assertEquals(FileType.JPEG, FileType.detect(jpeg.clone()));
        assertEquals(FileType.PDF, FileType.detect(pdf()));
    }

    // --- truncated files

    @Test
    void pdfWithoutEof() {
        String s = new String(pdf(), StandardCharsets.ISO_8859_1);
        byte[] truncated = s.substring(0, s.indexOf("%%EOF")).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(FileType.PDF, FileType.detect(pdf()), "precondition: the whole file is a PDF");
        assertNull(FileType.detect(truncated));
    }

    @Test
    void pdfCutInTheMiddle() {
        byte[] p = pdf();
        assertNull(FileType.detect(Arrays.copyOf(p, p.length / 2)));
    }

    @Test
    void pngWithoutItsIendChunk() {
        byte[] truncated = Arrays.copyOf(png, png.length - 12); // IEND: length(4) + type(4) + CRC(4)
        assertArrayEquals(new byte[] {'I', 'E', 'N', 'D'}, Arrays.copyOfRange(png, png.length - 8, png.length - 4),
                "precondition: ImageIO ended the PNG with IEND");
        assertNull(FileType.detect(truncated));
    }

    @Test
    void pngCutInTheMiddle() {
        assertNull(FileType.detect(Arrays.copyOf(png, png.length / 2)));
    }

    @Test
    void jpegWithoutEoi() {
        assertEquals(0xFF, jpeg[jpeg.length - 2] & 0xFF, "precondition: ImageIO ended the JPEG with FFD9");
        assertEquals(0xD9, jpeg[jpeg.length - 1] & 0xFF);
        assertNull(FileType.detect(Arrays.copyOf(jpeg, jpeg.length - 2)));
    }

    @Test
    void jpegCutInTheMiddle() {
        assertNull(FileType.detect(Arrays.copyOf(jpeg, jpeg.length / 2)));
    }

    @Test
    void truncatedPdfWithAnEarlierEof() {
        // a linearised or incrementally updated PDF has a %%EOF after its first part; cut before the last one, it is broken
        byte[] firstPart = pdf();
        byte[] update = ("4 0 obj\n<< /Length 5000 >>\nstream\n" + "q 1 0 0 1 0 0 cm Q\n".repeat(250)).getBytes(StandardCharsets.US_ASCII);
        byte[] cut = concat(firstPart, update);
        assertTrue(cut.length > 4096);
        assertNull(FileType.detect(cut));
        assertEquals(FileType.PDF, FileType.detect(concat(cut, "\nendstream\nendobj\nstartxref\n0\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void truncatedPhotoWhoseThumbnailEndsEarly() {
        // a camera JPEG carries an EXIF thumbnail (a whole JPEG ending FFD9) near its start; the photo itself cut in
        // the middle of its scan data must not pass because of the thumbnail's end marker
        byte[] photo = noisyJpeg();
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 0}, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), jpeg));
        int len = app1.length - 2;
        app1[2] = (byte) (len >> 8);
        app1[3] = (byte) len;
        byte[] whole = concat(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app1), Arrays.copyOfRange(photo, 2, photo.length));
        assertEquals(FileType.JPEG, FileType.detect(whole), "precondition: the whole photo is a JPEG");
        byte[] cut = Arrays.copyOf(whole, app1.length + 2 + (photo.length - 2) / 2);
        assertNull(FileType.detect(cut));
    }

    private static byte[] noisyJpeg() {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(42);
        for (int y = 0; y < 256; y++) for (int x = 0; x < 256; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(img, "jpg", out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // --- not a document

    @Test
    void textFile() {
        byte[] text = "振込日：2026年4月3日\n金額：30,000円\n%%EOF は PDF の終わりの印です\n".getBytes(StandardCharsets.UTF_8);
        assertNull(FileType.detect(text));
    }

    @Test
    void windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        assertNull(FileType.detect(exe));
    }

    @Test
    void executableThatEndsLikeAPdf() {
        // %%EOF at the end is not enough: the file must also start as a PDF
        byte[] exe = concat("MZ\u0090\0\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1), "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertNull(FileType.detect(exe));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothing(byte[] content) {
        assertNull(FileType.detect(content));
    }

    @Test
    void sevenBytes() {
        assertNull(FileType.detect("%PDF-1.".getBytes(StandardCharsets.US_ASCII)));
        assertNull(FileType.detect(Arrays.copyOf(png, 7)));
        assertNull(FileType.detect(Arrays.copyOf(jpeg, 7)));
    }

    @Test
    void sevenBytesWithJpegStartAndEnd() {
        // SOI, a marker and EOI fit in 7 bytes; that is no picture
        assertNull(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, (byte) 0xFF, (byte) 0xD9}));
    }

    @Test
    void jpegStartMustBeFollowedByAMarker() {
        byte[] fake = jpeg.clone();
        fake[2] = 0x00; // FF D8 then not a marker
        assertNull(FileType.detect(fake));
    }

    @Test
    void pngSignatureAlone() {
        assertNull(FileType.detect(Arrays.copyOf(png, 8)));
    }

    // --- the type a browser declares

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "application/pdf, PDF",
            "APPLICATION/PDF, PDF",
            "image/png,       PNG",
            "Image/PNG,       PNG",
            "image/jpeg,      JPEG",
            "IMAGE/JPEG,      JPEG",
            "image/jpg,       JPEG",
            "Image/JPG,       JPEG",
            "image/pjpeg,     JPEG",
    })
    void ofContentType(String contentType, FileType expected) {
        assertEquals(expected, FileType.ofContentType(contentType));
    }

    @Test
    void ofContentTypeIgnoresSurroundingSpace() {
        assertEquals(FileType.PNG, FileType.ofContentType(" image/png "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "image/gif", "image/webp", "application/octet-stream",
            "application/x-msdownload", "pdf", "png", "jpeg", "image/", "application/pdfx"})
    void ofContentTypeUnknown(String contentType) {
        assertNull(FileType.ofContentType(contentType));
    }

    @Test
    void contentTypesAndLabels() {
        assertEquals("application/pdf", FileType.PDF.contentType());
        assertEquals("image/png", FileType.PNG.contentType());
        assertEquals("image/jpeg", FileType.JPEG.contentType());
        assertEquals("PDF/png/jpeg", DocumentPurpose.FEE_RECEIPT.typesLabel());
    }
}
