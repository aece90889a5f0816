package jp.nintei.domain.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The one-time secrets mailed to a member: the invitation's 仮パスワード and the password-reset 確認コード. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    // no look-alikes (0/O, 1/l/I): the member types it from a mail, often on a phone
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";

    private Secrets() {}

    /** 12 characters, letters and at least two digits: satisfies {@link PasswordPolicy}; only good for first sign-in. */
    public static String temporaryPassword() {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            String from = i % 4 == 3 ? DIGITS : LETTERS + DIGITS;
            b.append(from.charAt(RANDOM.nextInt(from.length())));
        }
        return b.toString();
    }

    /** A 6-digit 確認コード. */
    public static String resetCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** What is stored of a code: never the code itself. */
    public static String hash(String memberNo, String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((memberNo + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares without leaking the position of the first difference through timing. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
