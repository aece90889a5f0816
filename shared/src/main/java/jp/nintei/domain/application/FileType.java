package jp.nintei.domain.application;

import java.nio.charset.StandardCharsets;

/**
 * The file types an upload may be, judged by content (the first and last bytes), never by name: a
 * complete PDF starts with {@code %PDF-} and has {@code %%EOF} near its end; a PNG has its signature and an
 * IEND chunk; a JPEG starts with SOI and ends with EOI.
 */
public enum FileType {
    PDF("application/pdf", "PDF"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg");

    private final String contentType;
    private final String label;

    FileType(String contentType, String label) {
        this.contentType = contentType;
        this.label = label;
    }

    public String contentType() { return contentType; }

    public String label() { return label; }

    public static FileType ofContentType(String contentType) {
        if (contentType == null) return null;
        String c = contentType.toLowerCase(java.util.Locale.ROOT).strip();
        if (c.equals("image/jpg") || c.equals("image/pjpeg")) return JPEG;
        for (FileType t : values()) if (t.contentType.equals(c)) return t;
        return null;
    }

    /** What the bytes are: the type whose start and end markers are both there, else {@code null}. */
    public static FileType detect(byte[] content) {
        if (content == null || content.length < 8) return null;
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))
                && indexOf(content, "%%EOF".getBytes(StandardCharsets.US_ASCII), Math.max(0, content.length - 2048)) >= 0) {
            return PDF;
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) && pngComplete(content)) {
            return PNG;
        }
        if ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && jpegComplete(content)) {
            return JPEG;
        }
        return null;
    }

    /** Walks the chunks (length, type, data, CRC) to IEND: a cut file never gets there; data after it is ignored. */
    static boolean pngComplete(byte[] c) {
        int i = 8;
        while (i + 12 <= c.length) {
            long length = ((c[i] & 0xFFL) << 24) | ((c[i + 1] & 0xFF) << 16) | ((c[i + 2] & 0xFF) << 8) | (c[i + 3] & 0xFF);
            boolean iend = c[i + 4] == 'I' && c[i + 5] == 'E' && c[i + 6] == 'N' && c[i + 7] == 'D';
            long next = i + 12L + length;
            if (next > c.length) return false;
            if (iend) return true;
            i = (int) next;
        }
        return false;
    }

    /**
     * Walks the segments after SOI by their lengths (so an EXIF thumbnail's own EOI is skipped), then the
     * entropy-coded data to the image's EOI. A cut photo never reaches it; what phones append after it
     * (motion-photo video, maker trailers) is ignored.
     */
    static boolean jpegComplete(byte[] c) {
        int i = 2;
        while (i + 2 <= c.length) {
            if ((c[i] & 0xFF) != 0xFF) return false;
            int marker = c[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD9) return true;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                i += 2;
                continue;
            }
            if (i + 4 > c.length) return false;
            int length = ((c[i + 2] & 0xFF) << 8) | (c[i + 3] & 0xFF);
            if (length < 2) return false;
            i += 2 + length;
            if (marker == 0xDA) { // start of scan: entropy data up to the next marker that is not a stuffed byte or RSTn
                while (i + 1 < c.length) {
                    if ((c[i] & 0xFF) == 0xFF) {
                        int m = c[i + 1] & 0xFF;
                        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7) || m == 0xFF) {
                            i += (m == 0xFF) ? 1 : 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (content[i] != prefix[i]) return false;
        return true;
    }

    private static int indexOf(byte[] content, byte[] needle, int from) {
        outer:
        for (int i = from; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (content[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
