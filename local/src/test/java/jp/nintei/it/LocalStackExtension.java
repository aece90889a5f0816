package jp.nintei.it;

import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole local system (dynalite, cognito-local, aws-ses-v2-local, S3Proxy, the resources of
 * template.yaml, demo data, the gateway) once per JVM on free ports, and stops it when the JVM's tests end.
 * Test classes receive the {@link LocalSystem} as a parameter.
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LocalStackExtension.class);

    /** Wraps the system so JUnit closes it after the last test of the run. */
    record Running(LocalSystem system) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override public void close() { system.close(); }
    }

    public static LocalSystem system(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("system", k -> new Running(start()), Running.class).system();
    }

    /** The docker-free stand-ins, or LocalStack under {@code -Plocalstack} ({@code -Dnintei.backend=localstack}). */
    private static LocalSystem start() {
        if ("localstack".equals(System.getProperty("nintei.backend"))) {
            return LocalSystem.start(0, false, LocalStackContainerBackend.start());
        }
        return LocalSystem.start(0, false);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LocalSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return system(e);
    }
}
