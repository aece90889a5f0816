package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Phones append data after a photo (motion-photo video, maker trailers): the image is still complete. */
class FileTypeTrailerTest {
    private static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) for (int y = 0; y < 64; y++) img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static byte[] withTrailer(byte[] image, int trailerBytes) {
        byte[] b = Arrays.copyOf(image, image.length + trailerBytes);
        for (int i = image.length; i < b.length; i++) b[i] = (byte) (i * 31);
        return b;
    }

    @Test
    void aJpegWithAVideoAppendedIsStillAJpeg() throws Exception {
        assertEquals(FileType.JPEG, FileType.detect(withTrailer(image("jpeg"), 200_000)));
    }

    @Test
    void aPngWithDataAfterIendIsStillAPng() throws Exception {
        assertEquals(FileType.PNG, FileType.detect(withTrailer(image("png"), 5_000)));
    }

    @Test
    void aJpegOrPngCutBeforeItsEndIsNot() throws Exception {
        byte[] jpeg = image("jpeg");
        byte[] png = image("png");
        assertNull(FileType.detect(Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertNull(FileType.detect(Arrays.copyOf(png, png.length - 13)));
    }
}
