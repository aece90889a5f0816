package jp.nintei.local.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;

/**
 * What AWS does under stress, switched on per test (or for part of a simulation) and applied by
 * {@link FaultInjector} to every SDK client of this JVM: throttling, unprocessed batch keys and items, S3's 403
 * for a missing key, SES rejecting or throttling, a late answer after the write landed, a dropped connection.
 * The stand-ins never do any of this by themselves. Off unless a rule is on; {@link #on} returns a switch that
 * turns its rules off again ({@code try (var f = Faults.on(...)) {...}}).
 */
public final class Faults {
    /** What the stand-in's answer becomes. */
    public enum Kind {
        /** DynamoDB ProvisionedThroughputExceeded (400), S3 SlowDown (503), SES TooManyRequests (429), Cognito TooManyRequests; nothing is applied. */
        THROTTLE,
        /** A 500 InternalServerError; nothing is applied. */
        SERVER_ERROR,
        /** BatchGetItem/BatchWriteItem: about half the keys or items come back unprocessed (never read or written). */
        UNPROCESSED,
        /** S3 GetObject/HeadObject of a missing key: 403 AccessDenied, as S3 answers a caller without s3:ListBucket. */
        ACCESS_DENIED_FOR_MISSING,
        /** SES: MessageRejected (400); nothing is sent. */
        REJECT,
        /** The request is applied, but the answer comes too late: the SDK times out and retries what already landed. */
        LATE_ANSWER_AFTER_WRITE,
        /** The connection drops before the request arrives; nothing is applied (the SDK retries). */
        DROPPED_CONNECTION,
        /** The answer is right but slow ({@link Rule#delay}, one second unless set): to watch a page wait. */
        SLOW_ANSWER
    }

    /** One rule: a service ("DynamoDb", "S3", "SESv2", "CognitoIdentityProvider"), an operation (null: any), a kind. */
    public static final class Rule {
        final String service;
        final String operation;
        final Kind kind;
        private final AtomicInteger remaining;
        private final AtomicInteger hits = new AtomicInteger();
        private double probability = 1.0;
        private Predicate<SdkRequest> when = r -> true;

        Rule(String service, String operation, Kind kind) {
            this.service = service;
            this.operation = operation;
            this.kind = kind;
            this.remaining = new AtomicInteger(-1);
        }

        /** Only the first {@code n} matching attempts (every attempt when not set). */
        public Rule times(int n) {
            remaining.set(n);
            return this;
        }

        /** Each matching attempt with this probability. */
        public Rule probability(double p) {
            this.probability = p;
            return this;
        }

        long delayMillis = 1000;

        /** How long a {@link Kind#SLOW_ANSWER} waits. */
        public Rule delay(long millis) {
            this.delayMillis = millis;
            return this;
        }

        /** Only requests this predicate accepts (e.g. one member's item). */
        public Rule when(Predicate<SdkRequest> p) {
            this.when = p;
            return this;
        }

        /** Only requests that name this text (a 会員番号, a key): {@code toString()} of the SDK request shows every field. */
        public Rule about(String text) { return when(r -> r.toString().contains(text)); }

        /** How often the rule changed an answer. */
        public int hits() { return hits.get(); }

        boolean matches(String service, String operation, SdkRequest request) {
            return this.service.equalsIgnoreCase(service) && (this.operation == null || this.operation.equals(operation)) && when.test(request);
        }

        /** Claims one application of the rule (counting down {@link #times}). */
        boolean fire() {
            if (probability < 1.0 && ThreadLocalRandom.current().nextDouble() >= probability) return false;
            while (true) {
                int left = remaining.get();
                if (left == 0) return false;
                if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                    hits.incrementAndGet();
                    return true;
                }
            }
        }
    }

    /** Turns its rules off. */
    public static final class Switch implements AutoCloseable {
        private final List<Rule> rules;

        Switch(List<Rule> rules) { this.rules = rules; }

        public int hits() { return rules.stream().mapToInt(Rule::hits).sum(); }

        @Override
        public void close() { RULES.removeAll(rules); }
    }

    static final List<Rule> RULES = new CopyOnWriteArrayList<>();

    private Faults() {}

    public static Rule dynamo(String operation, Kind kind) { return new Rule("DynamoDb", operation, kind); }

    public static Rule s3(String operation, Kind kind) { return new Rule("S3", operation, kind); }

    public static Rule ses(Kind kind) { return new Rule("SESv2", null, kind); }

    public static Rule cognito(String operation, Kind kind) { return new Rule("CognitoIdentityProvider", operation, kind); }

    public static Switch on(Rule... rules) {
        List<Rule> list = List.of(rules);
        RULES.addAll(list);
        return new Switch(list);
    }

    /** Every rule off (tests call it after each test so a failed one leaves nothing behind). */
    public static void clear() { RULES.clear(); }

    static Rule firing(String service, String operation, SdkRequest request, Kind... kinds) {
        for (Rule r : RULES) {
            if (!r.matches(service, operation, request)) continue;
            for (Kind k : kinds) if (r.kind == k && r.fire()) return r;
        }
        return null;
    }
}
