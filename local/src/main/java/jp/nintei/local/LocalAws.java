package jp.nintei.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The docker-free stand-ins, each a real server speaking the AWS API: dynalite (DynamoDB), cognito-local
 * (Cognito), aws-ses-v2-local (SES) as node child processes, and S3Proxy (S3) inside this JVM. Every one
 * listens on a free loopback port; {@link #close()} stops them all.
 */
public final class LocalAws implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    public record Endpoints(URI dynamodb, URI s3, URI ses, URI cognito) {}

    /**
     * DynamoDB, S3 and SES served by something else (LocalStack in a container, where Docker can pull images);
     * cognito-local still stands in for Cognito, which LocalStack's free edition lacks.
     */
    public record External(URI dynamodb, URI s3, URI ses, AutoCloseable stop) {}

    private final List<Process> processes = new ArrayList<>();
    private final Path dataDir;
    private S3Proxy s3;
    private Endpoints endpoints;
    private External external;
    private Path nodeModules;
    private Process ses;
    private int sesPort;

    private LocalAws(Path dataDir) { this.dataDir = dataDir; }

    /** Starts every stand-in; {@code nodeModules} is local/node/node_modules (installed by the build). */
    public static LocalAws start(Path nodeModules, Path dataDir) { return start(nodeModules, dataDir, null); }

    /** As {@link #start(Path, Path)}, with DynamoDB, S3 and SES from {@code external} when it is not null. */
    public static LocalAws start(Path nodeModules, Path dataDir, External external) {
        LocalAws aws = new LocalAws(dataDir);
        aws.external = external;
        try {
            Files.createDirectories(dataDir);
            aws.startAll(nodeModules);
            return aws;
        } catch (Exception e) {
            aws.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("local stack did not start", e);
        }
    }

    public Endpoints endpoints() { return endpoints; }

    public Path dataDir() { return dataDir; }

    private void startAll(Path nodeModules) throws Exception {
        if (!Files.isDirectory(nodeModules.resolve("dynalite"))) {
            throw new IllegalStateException(nodeModules + " has no dynalite: run 'mvn -DskipTests install' once (it runs npm ci)");
        }
        this.nodeModules = nodeModules;
        if (external != null) {
            int cognitoPort = freePort();
            Process cognito = startCognito(nodeModules, cognitoPort);
            endpoints = new Endpoints(external.dynamodb(), external.s3(), external.ses(),
                    URI.create("http://127.0.0.1:" + cognitoPort));
            awaitPort("cognito-local", cognito, cognitoPort);
            return;
        }
        int dynamoPort = freePort();
        Process dynalite = node(nodeModules.resolve("dynalite/cli.js"), dataDir, "dynalite", Map.of(),
                "--host", "127.0.0.1", "--port", Integer.toString(dynamoPort),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");

        int cognitoPort = freePort();
        Process cognito = startCognito(nodeModules, cognitoPort);

        sesPort = freePort();
        ses = launchSes();

        int s3Port = freePort();
        Properties props = new Properties();
        props.setProperty("jclouds.identity", ACCESS_KEY);
        props.setProperty("jclouds.credential", SECRET_KEY);
        s3 = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", props))
                .endpoint(URI.create("http://127.0.0.1:" + s3Port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // the browser PUTs to presigned URLs from the gateway's origin (any local port)
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"),
                        List.of("ETag"), "false"))
                .ignoreUnknownHeaders(true)
                .build();
        s3.start();

        endpoints = new Endpoints(URI.create("http://127.0.0.1:" + dynamoPort), URI.create("http://127.0.0.1:" + s3Port),
                URI.create("http://127.0.0.1:" + sesPort), URI.create("http://127.0.0.1:" + cognitoPort));
        awaitPort("dynalite", dynalite, dynamoPort);
        awaitPort("cognito-local", cognito, cognitoPort);
        awaitPort("aws-ses-v2-local", ses, sesPort);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!"STARTED".equals(s3.getState())) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("S3Proxy did not start: " + s3.getState());
            Thread.sleep(5);
        }
    }

    private Process launchSes() throws IOException {
        return node(nodeModules.resolve("aws-ses-v2-local/dist/cli.js"), dataDir, "ses", Map.of(),
                "--host", "127.0.0.1", "--port", Integer.toString(sesPort));
    }

    /** Stops the SES stand-in (its stored mail is lost): for tests of what happens when mail fails. */
    public void stopSes() throws InterruptedException {
        ses.destroy();
        ses.waitFor();
        processes.remove(ses);
    }

    /** Starts the SES stand-in again on the same port. */
    public void startSes() throws IOException, InterruptedException {
        ses = launchSes();
        awaitPort("aws-ses-v2-local", ses, sesPort);
    }

    private Process startCognito(Path nodeModules, int port) throws IOException {
        Path cognitoDir = dataDir.resolve("cognito");
        Files.createDirectories(cognitoDir.resolve(".cognito"));
        // username = 会員番号: without this every pool gets UsernameAttributes=[email]
        Files.writeString(cognitoDir.resolve(".cognito/config.json"),
                "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}", StandardCharsets.UTF_8);
        return node(nodeModules.resolve("cognito-local/lib/bin/start.js"), cognitoDir, "cognito",
                Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1"));
    }

    private Process node(Path script, Path cwd, String name, Map<String, String> env, String... args) throws IOException {
        if (!Files.exists(script)) throw new IllegalStateException("missing " + script + ": run npm ci in local/node");
        List<String> cmd = new ArrayList<>(List.of("node", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitPort(String name, Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited: see " + dataDir);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException(name + " did not listen on " + port + " within 30 s: see " + dataDir);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Process ids of the node stand-ins (for the RSS figure). */
    public List<Long> pids() { return processes.stream().map(Process::pid).toList(); }

    /** Stops or starts the SES stand-in, to test what happens when mail fails. */
    public List<Process> processes() { return List.copyOf(processes); }

    @Override
    public void close() {
        for (Process p : processes) p.descendants().forEach(ProcessHandle::destroy);
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (external != null) {
            try {
                external.stop().close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
        if (s3 != null) {
            try {
                s3.stop();
            } catch (Exception ignored) {
                // shutting down
            }
        }
    }
}
