package jp.nintei.domain;

import java.util.List;
import jp.nintei.domain.application.Problem;

/**
 * What the domain and the services say when they refuse: a machine code, the field it is about, a Japanese message
 * that tells the person what to do, and a kind. Nothing has been written when this is thrown. The services speak
 * only in these; the HTTP adapter alone turns a kind into a status code (HttpStatus).
 */
public class Rejection extends RuntimeException {
    /** Why the request is refused, independent of any transport. */
    public enum Kind {
        INVALID, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_TYPE,
        /** well-formed, but the application is not complete (e.g. requirements missing at submit) */
        UNPROCESSABLE,
        TOO_MANY,
        /** the write stands, but a mail that belongs to it could not be sent (the person must be told otherwise) */
        MAIL_NOT_SENT,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final List<Problem> problems;

    public Rejection(Kind kind, String code, String field, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    public Rejection(Kind kind, String code, String field, String message) { this(kind, code, field, message, List.of()); }

    public static Rejection invalid(String code, String field, String message) { return new Rejection(Kind.INVALID, code, field, message); }

    public static Rejection unauthorized(String code, String field, String message) {
        return new Rejection(Kind.UNAUTHORIZED, code, field, message);
    }

    public static Rejection conflict(String code, String field, String message) { return new Rejection(Kind.CONFLICT, code, field, message); }

    public static Rejection forbidden(String code, String field, String message) { return new Rejection(Kind.FORBIDDEN, code, field, message); }

    public static Rejection notFound(String code, String field, String message) { return new Rejection(Kind.NOT_FOUND, code, field, message); }

    public static Rejection tooLarge(String code, String field, String message) { return new Rejection(Kind.TOO_LARGE, code, field, message); }

    public static Rejection unavailable(String code, String field, String message) { return new Rejection(Kind.UNAVAILABLE, code, field, message); }

    public Kind kind() { return kind; }

    public String code() { return code; }

    public String field() { return field; }

    public List<Problem> problems() { return problems; }
}
