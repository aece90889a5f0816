package jp.nintei.local.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.LocalSystem;
import jp.nintei.platform.Settings;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test): starts the local system, reports how long it took and its total RSS
 * (this JVM plus the node stand-ins), then measures the cold first response of the menu function in fresh
 * JVMs against the stand-ins, next to a handler that returns a constant, in the same run.
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl local exec:java -Dexec.mainClass=jp.nintei.local.bench.ColdStart -Dexec.args=7}
 * ({@code -Dexec.args="7 jar"}: the probes load the deployed functions.jar instead of the project class path)
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long t0 = System.nanoTime();
        try (LocalSystem system = LocalSystem.start(0, false)) {
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            long rss = rssKb(ProcessHandle.current().pid());
            long nodeRss = 0;
            for (long pid : system.aws().pids()) {
                nodeRss += rssKb(pid);
                for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
                    nodeRss += rssKb(child.pid());
                }
            }
            System.out.printf(Locale.ROOT, "local system ready in %.2f s (stand-ins, table, pool, demo data, gateway)%n", startSeconds);
            System.out.printf(Locale.ROOT, "RSS: JVM (gateway + S3Proxy + functions) %d MB, node stand-ins %d MB, total %d MB%n",
                    rss / 1024, nodeRss / 1024, (rss + nodeRss) / 1024);

            Path fixture = system.root().resolve("events/get-api-me.json");
            // "jar": the deployed functions.jar alone (plus this harness), as Lambda loads it
            String cp = args.length > 1 && args[1].equals("jar") ? deployedJar(system.root()) : classpath();
            List<String> props = new ArrayList<>();
            for (String name : List.of(Settings.TABLE_NAME, Settings.REGION, Settings.USER_POOL_CLIENT_ID,
                    Settings.LOCAL_ENDPOINT_PREFIX + "DYNAMODB", Settings.LOCAL_ENDPOINT_PREFIX + "COGNITO")) {
                props.add("-D" + name + "=" + System.getProperty(name));
            }
            System.out.printf(Locale.ROOT, "%nCold start, %d fresh JVMs each (median; JVM flags as in template.yaml: -XX:TieredStopAtLevel=1)%n", runs);
            System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %10s %10s%n", "handler", "jvm→main", "init", "1st resp", "2nd resp", "cold total");
            for (String handler : List.of(ConstantHandler.class.getName(), "jp.nintei.functions.menu.MenuHandler")) {
                List<JsonNode> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) results.add(probe(cp, props, handler, fixture));
                double jvm = median(results, "jvmToMainMs"), init = median(results, "initMs"),
                        first = median(results, "firstMs"), second = median(results, "secondMs");
                System.out.printf(Locale.ROOT, "%-44s %8.0fms %8.1fms %8.1fms %8.2fms %8.0fms%n",
                        handler, jvm, init, first, second, jvm + init + first);
            }
        }
        System.exit(0);
    }

    private static JsonNode probe(String cp, List<String> props, String handler, Path fixture) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", cp));
        cmd.addAll(props);
        cmd.addAll(List.of(ColdProbe.class.getName(), handler, fixture.toString(), "10000002"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String line = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                all.append(l).append('\n');
                if (l.startsWith("PROBE ")) line = l.substring(6);
            }
        }
        if (p.waitFor() != 0 || line == null) throw new IllegalStateException("probe failed:\n" + all);
        return Json.parse(line);
    }

    private static double median(List<JsonNode> results, String field) {
        double[] v = results.stream().mapToDouble(n -> n.get(field).asDouble()).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** functions/target/functions.jar and the folder holding this harness's probe classes. */
    private static String deployedJar(Path root) throws Exception {
        String probe = new File(ColdProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        return root.resolve("functions/target/functions.jar") + File.pathSeparator + probe;
    }

    /** The project classpath, also under {@code mvn exec:java} (which loads it in its own class loader). */
    private static String classpath() throws Exception {
        ClassLoader cl = ColdStart.class.getClassLoader();
        if (cl instanceof URLClassLoader u) {
            List<String> parts = new ArrayList<>();
            for (URL url : u.getURLs()) parts.add(new File(url.toURI()).getPath());
            if (!parts.isEmpty()) return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    static long rssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // process gone or not Linux
        }
        return 0;
    }
}
