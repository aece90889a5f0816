package jp.nintei.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weekly keep-active invocation of each HTTP function (template.yaml, event {@code KeepActive}): a SnapStart
 * version that is not invoked for 14 days becomes inactive and fails its next requests, so a schedule invokes
 * the function's alias with {@link #ROUTE_KEY} and the function runs its priming path (the same one SnapStart
 * runs before the snapshot) instead of a route. API Gateway never sends this route key: it sends the matched route.
 */
public final class WarmUp {
    public static final String ROUTE_KEY = "WARMUP";
    private static final Map<Class<?>, Runnable> PRIMERS = new ConcurrentHashMap<>();

    private WarmUp() {}

    /** The priming path of the handler class {@code handler} (registered once per container by its constructor). */
    public static void register(Class<?> handler, Runnable primer) { PRIMERS.put(handler, primer); }

    /** Runs {@code handler}'s priming path; false when it has none. */
    public static boolean run(Class<?> handler) {
        Runnable primer = PRIMERS.get(handler);
        if (primer == null) return false;
        primer.run();
        return true;
    }
}
