package jp.nintei.adapter.http;

/**
 * A client's mistake, answered with a 4xx JSON body {@code {"code", "field", "message"}} whose message
 * (Japanese) tells the person what to do. Nothing has been written when this is thrown.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final java.util.List<jp.nintei.domain.application.Problem> problems;

    public ApiException(int status, String code, String field, String message) {
        this(status, code, field, message, java.util.List.of());
    }

    /** With every problem found (e.g. all that is missing before submit), each with its field and message. */
    public ApiException(int status, String code, String field, String message,
                        java.util.List<jp.nintei.domain.application.Problem> problems) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.problems = java.util.List.copyOf(problems);
    }

    public java.util.List<jp.nintei.domain.application.Problem> problems() { return problems; }

    public ApiException(int status, String code, String message) { this(status, code, null, message); }

    public int status() { return status; }

    public String code() { return code; }

    public String field() { return field; }
}
