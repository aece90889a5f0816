package jp.nintei.adapter.http;

import jp.nintei.domain.Rejection;

/** The one place a refusal's kind becomes an HTTP status code. */
public final class HttpStatus {
    private HttpStatus() {}

    public static int of(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY -> 429;
            case MAIL_NOT_SENT -> 502;
            case UNAVAILABLE -> 503;
        };
    }
}
