package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import jp.nintei.adapter.http.HttpStatus;
import jp.nintei.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The package-private helpers of {@link DocumentService}: the file name shown back, and the checksum. */
class DocumentServiceHelpersTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "C:\\Users\\me\\振込.pdf|振込.pdf",
            "../../etc/passwd|passwd",
            "/home/me/receipt.png|receipt.png",
            "folder\\sub/mixed\\name.jpg|name.jpg",
            "振込.pdf|振込.pdf",
            "  spaced name.pdf  |spaced name.pdf",
    })
    void stripsFolders(String typed, String expected) {
        assertEquals(expected, DocumentService.cleanFileName(typed));
    }

    @Test
    void stripsControlCharacters() {
        assertEquals("ab.pdf", DocumentService.cleanFileName("a\u0000b\u0007.pdf"));
        assertEquals("振込明細.pdf", DocumentService.cleanFileName("振込\r\n明細\t.pdf"));
        assertEquals("振込明細.pdf", DocumentService.cleanFileName("振込\r\n明細.pdf"));
        assertEquals("x.pdf", DocumentService.cleanFileName("x\u001b.pdf\u007f"));
    }

    @Test
    void spaceLeftByTheCutsIsStripped() {
        assertEquals("振込.pdf", DocumentService.cleanFileName("folder/\u3000 振込.pdf"));
        assertEquals("振込.pdf", DocumentService.cleanFileName("C:\\dir\\ 振込.pdf"));
        assertEquals("a.pdf", DocumentService.cleanFileName("a.pdf \u0000"));
    }

    @Test
    void controlCharacterAloneIsNoName() {
        Rejection e = assertThrows(Rejection.class, () -> DocumentService.cleanFileName("\u0000\u0001"));
        assertEquals("FILE_NAME_REQUIRED", e.code());
    }

    @Test
    void keepsTheNameAsTypedOnlyTrimmed() {
        // docs/domain.md "Text as people type it": file names are never NFKC-normalised
        assertEquals("振込控え （4月）.pdf", DocumentService.cleanFileName("振込控え （4月）.pdf"));
        assertEquals("ＡＢＣ１２３．ｐｄｆ", DocumentService.cleanFileName("ＡＢＣ１２３．ｐｄｆ"));
        assertEquals("振込\u3000控え.pdf", DocumentService.cleanFileName("\u3000振込\u3000控え.pdf\u3000"));
        assertEquals("ｶｰﾄﾞ.png", DocumentService.cleanFileName("ｶｰﾄﾞ.png"));
        assertEquals("大\uFA10.pdf", DocumentService.cleanFileName("大\uFA10.pdf"));
    }

    @Test
    void bidirectionalOverridesAreRemoved() {
        assertEquals("receiptfdp.exe", DocumentService.cleanFileName("receipt\u202Efdp.exe"));
        assertEquals("ab.pdf", DocumentService.cleanFileName("a\u2066b\u2069.pdf"));
    }

    @Test
    void fullWidthSlashesAreFoldersToo() {
        // the name is not NFKC-normalised, so full-width solidus and reverse solidus are folder separators too
        assertEquals("passwd", DocumentService.cleanFileName("．．／．．／etc／passwd"));
        assertEquals("振込.pdf", DocumentService.cleanFileName("Ｃ：＼Users＼振込.pdf"));
    }

    @Test
    void truncatesTo120CharactersKeepingTheExtension() {
        String name = "あ".repeat(200) + ".pdf";
        String clean = DocumentService.cleanFileName(name);
        assertEquals(120, clean.length());
        assertEquals("あ".repeat(116) + ".pdf", clean);
        String exactly = "a".repeat(116) + ".pdf";
        assertEquals(exactly, DocumentService.cleanFileName(exactly), "120 is kept whole");
        String oneMore = "a".repeat(117) + ".pdf";
        assertEquals("a".repeat(116) + ".pdf", DocumentService.cleanFileName(oneMore));
    }

    @Test
    void truncationKeepsWholeCharacters() {
        // an emoji (two UTF-16 units) across the 120th position must not leave half of it behind
        String clean = DocumentService.cleanFileName("a".repeat(119) + "\uD83D\uDE00.pdf");
        assertTrue(clean.length() <= 120, clean);
        assertFalse(Character.isHighSurrogate(clean.charAt(clean.length() - 1)), "ends with a lone high surrogate");
        assertTrue(clean.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && Character.charCount(c) == 1),
                "no lone surrogate anywhere");
    }

    @Test
    void stripsC1ControlCharacters() {
        assertEquals("ab.pdf", DocumentService.cleanFileName("a\u0085b.pdf"));
        assertEquals("ab.pdf", DocumentService.cleanFileName("a\u009Bb.pdf"));
    }

    @ParameterizedTest(name = "[{0}] -> FILE_NAME_REQUIRED")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\t\n", "/", "\\", "C:\\Users\\me\\", "folder/", "\uFF0F"})
    void noNameIsA400(String typed) {
        Rejection e = assertThrows(Rejection.class, () -> DocumentService.cleanFileName(typed));
        assertEquals(400, HttpStatus.of(e.kind()));
        assertEquals("FILE_NAME_REQUIRED", e.code());
        assertEquals("file", e.field());
        assertEquals("ファイル名を確認できません。もう一度ファイルを選んでください。", e.getMessage());
    }

    @Test
    void sha256KnownVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                DocumentService.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                DocumentService.sha256(new byte[0]));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                DocumentService.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sha256IsLowerCaseHex() {
        String h = DocumentService.sha256(new byte[] {(byte) 0xFF, 0x00, 0x10});
        assertTrue(h.matches("[0-9a-f]{64}"), h);
    }
}
