package jp.nintei.adapter.http;

import jp.nintei.domain.Rejection;

/**
 * A refusal raised by HTTP code with a status number. Services and the domain raise {@link Rejection} instead; this
 * remains for handlers until they all do, and maps through the same {@link HttpStatus} table.
 */
public class ApiException extends Rejection {
    public ApiException(int status, String code, String field, String message) {
        this(status, code, field, message, java.util.List.of());
    }

    /** With every problem found (e.g. all that is missing before submit), each with its field and message. */
    public ApiException(int status, String code, String field, String message,
                        java.util.List<jp.nintei.domain.application.Problem> problems) {
        super(HttpStatus.kindOf(status), code, field, message, problems);
    }

    public ApiException(int status, String code, String message) { this(status, code, null, message); }

    public int status() { return HttpStatus.of(kind()); }
}
