package jp.nintei.domain.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What registration learns from a file's content beyond its type: a PDF's page count (PDFBox), an image's
 * upright size (EXIF orientation applied). {@code problem} is set when the file cannot serve its purpose.
 */
public record Inspection(int pages, int width, int height, Problem problem) {
    /** 受験用写真: at least this many pixels on the short side after rotation. */
    public static final int PHOTO_MIN_SHORT_SIDE = 240;

    public static Inspection of(DocumentPurpose purpose, FileType type, byte[] bytes) {
        return switch (type) {
            case PDF -> pdf(bytes);
            case PNG, JPEG -> image(purpose, type, bytes);
        };
    }

    static Inspection pdf(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new Inspection(doc.getNumberOfPages(), 0, 0, null);
        } catch (IOException | RuntimeException e) {
            return new Inspection(0, 0, 0, new Problem("INVALID_CONTENT", "file",
                    "このPDFは開けません（破損しているか、パスワードで保護されています）。別のPDFを選んでください。"));
        }
    }

    static Inspection image(DocumentPurpose purpose, FileType type, byte[] bytes) {
        int[] size = dimensions(bytes);
        if (size == null) {
            return new Inspection(0, 0, 0, new Problem("INVALID_CONTENT", "file",
                    "この画像は読み取れません。別の画像を選んでください。"));
        }
        int orientation = type == FileType.JPEG ? exifOrientation(bytes) : 1;
        boolean turned = orientation >= 5 && orientation <= 8; // 90° or 270°: width and height swap
        int w = turned ? size[1] : size[0];
        int h = turned ? size[0] : size[1];
        if (purpose == DocumentPurpose.EXAM_PHOTO) {
            double aspect = (double) w / h;
            if (Math.min(w, h) < PHOTO_MIN_SHORT_SIDE) {
                return new Inspection(0, w, h, new Problem("PHOTO_TOO_SMALL", "file",
                        "受験用写真の画像が小さすぎます（" + w + "×" + h + "ピクセル）。短い辺が" + PHOTO_MIN_SHORT_SIDE
                                + "ピクセル以上の写真を選んでください。"));
            }
            if (aspect < 0.6 || aspect > 0.9) {
                return new Inspection(0, w, h, new Problem("PHOTO_ASPECT", "file",
                        "受験用写真は縦長（縦4：横3程度）の写真を選んでください。画像は上下が正しい状態でアップロードしてください。"));
            }
        }
        return new Inspection(0, w, h, null);
    }

    /** Width and height from the image header, without decoding the pixels. */
    static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** EXIF orientation (1–8) of a JPEG; 1 when absent. Reads the APP1 TIFF header by hand. */
    static int exifOrientation(byte[] c) {
        int i = 2;
        while (i + 4 <= c.length && (c[i] & 0xFF) == 0xFF) {
            int marker = c[i + 1] & 0xFF;
            int length = ((c[i + 2] & 0xFF) << 8) | (c[i + 3] & 0xFF);
            if (marker == 0xDA || length < 2) break;
            if (marker == 0xE1 && i + 10 <= c.length && c[i + 4] == 'E' && c[i + 5] == 'x' && c[i + 6] == 'i' && c[i + 7] == 'f') {
                int tiff = i + 10;
                if (tiff + 8 > c.length) return 1;
                boolean little = c[tiff] == 'I';
                long ifd = tiff + (u32(c, tiff + 4, little) & 0xFFFFFFFFL);
                if (ifd < tiff || ifd + 2 > c.length) return 1;
                int entries = u16(c, (int) ifd, little);
                for (int e = 0; e < entries; e++) {
                    long at = ifd + 2 + e * 12L;
                    if (at + 12 > c.length) return 1;
                    if (u16(c, (int) at, little) == 0x0112) {
                        int v = u16(c, (int) at + 8, little);
                        return v >= 1 && v <= 8 ? v : 1;
                    }
                }
                return 1;
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int u16(byte[] c, int at, boolean little) {
        return little ? (c[at] & 0xFF) | ((c[at + 1] & 0xFF) << 8) : ((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF);
    }

    private static int u32(byte[] c, int at, boolean little) {
        return little
                ? (c[at] & 0xFF) | ((c[at + 1] & 0xFF) << 8) | ((c[at + 2] & 0xFF) << 16) | ((c[at + 3] & 0xFF) << 24)
                : ((c[at] & 0xFF) << 24) | ((c[at + 1] & 0xFF) << 16) | ((c[at + 2] & 0xFF) << 8) | (c[at + 3] & 0xFF);
    }

}
