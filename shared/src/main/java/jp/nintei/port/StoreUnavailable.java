package jp.nintei.port;

/**
 * DynamoDB or S3 did not finish a request after every retry (throttled, unprocessed keys or items left, the
 * service failing). Nothing is reported done that was not: the route answers 503, the caller tries again later.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message) { super(message); }
}
