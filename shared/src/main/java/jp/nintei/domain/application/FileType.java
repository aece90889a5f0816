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
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                && indexOf(content, new byte[] {'I', 'E', 'N', 'D'}, Math.max(0, content.length - 64)) >= 0) {
            return PNG;
        }
        if ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF
                && indexOf(content, new byte[] {(byte) 0xFF, (byte) 0xD9}, Math.max(0, content.length - 1024)) >= 0) {
            return JPEG;
        }
        return null;
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
