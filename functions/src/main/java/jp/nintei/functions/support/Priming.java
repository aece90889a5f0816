package jp.nintei.functions.support;

import jp.nintei.platform.Log;
import jp.nintei.platform.WarmUp;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda takes the snapshot, run the function's hot path once (JSON mapper,
 * SDK client, signing, HTTP connection classes) so the restored container answers its first request warm.
 * Failures are ignored: the snapshot must never depend on the table's content.
 */
public final class Priming implements Resource {
    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final String function;
    private final Runnable primer;

    private Priming(String function, Runnable primer) {
        this.function = function;
        this.primer = primer;
    }

    /** Registers {@code primer}; the returned resource must stay referenced by the handler (CRaC holds it weakly). */
    public static Priming register(String function, Runnable primer) {
        Priming p = new Priming(function, primer);
        Core.getGlobalContext().register(p);
        // the weekly keep-active invocation runs the same path (WarmUp, template.yaml KeepActive)
        WarmUp.register(CALLER.getCallerClass(), primer);
        return p;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long t0 = System.nanoTime();
        try {
            primer.run();
        } catch (RuntimeException e) {
            Log.warn("priming", Map.of("function", function, "error", e.getClass().getName()));
        }
        Log.info("primed", Map.of("function", function, "durationMs", (System.nanoTime() - t0) / 1_000_000));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reopen: the URLConnection client opens connections per request
    }
}
