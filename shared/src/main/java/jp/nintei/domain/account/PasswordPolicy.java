package jp.nintei.domain.account;

/**
 * The user pool's password policy (template.yaml, UserPool.Policies.PasswordPolicy), checked here first so the
 * member reads a Japanese reason before Cognito is asked (and on the local stack, where cognito-local checks
 * nothing). A contract test keeps the two in step.
 */
public final class PasswordPolicy {
    public static final int MINIMUM_LENGTH = 8;
    public static final int MAXIMUM_LENGTH = 256;
    public static final String DESCRIPTION = "パスワードは8文字以上で、数字を1文字以上含めてください（半角英数字・記号）。";

    private PasswordPolicy() {}

    /** @return what is wrong with the password, in Japanese, or {@code null} when the policy accepts it */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) return "新しいパスワードを入力してください。" + DESCRIPTION;
        if (password.length() < MINIMUM_LENGTH) return "パスワードが短すぎます。" + DESCRIPTION;
        if (password.length() > MAXIMUM_LENGTH) return "パスワードが長すぎます。256文字以内で入力してください。";
        boolean digit = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            // half-width only (stricter than Cognito, which refuses only leading/trailing spaces): a password set with
            // the Japanese IME on could not be typed again with it off, and the two look alike on screen
            if (c < 0x21 || c > 0x7e) return "パスワードに使えない文字（全角文字や空白）が含まれています。" + DESCRIPTION;
            if (c >= '0' && c <= '9') digit = true;
        }
        if (!digit) return "パスワードに数字が含まれていません。" + DESCRIPTION;
        return null;
    }
}
