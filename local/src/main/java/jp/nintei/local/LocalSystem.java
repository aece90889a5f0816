package jp.nintei.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Menu;
import jp.nintei.platform.Settings;
import jp.nintei.platform.Template;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on one machine: stand-ins, the resources of template.yaml, demo data, the local gateway
 * and the schedules. The run command and the tests start exactly this.
 */
public final class LocalSystem implements AutoCloseable {
    private final Path root;
    private final LocalAws aws;
    private final Template template;
    private final Bootstrap.Identity identity;
    private final DemoData demo;
    private final LocalGateway.HandlerRegistry handlers = new LocalGateway.HandlerRegistry();
    private final LocalGateway gateway;
    private final ScheduleRunner schedules;

    private LocalSystem(Path root, int port, Path dataDir, boolean runSchedules, LocalAws.External external)
            throws IOException {
        this.root = root;
        this.template = Template.load(root.resolve("template.yaml"));
        this.aws = LocalAws.start(root.resolve("local/node/node_modules"), dataDir, external);
        try {
            this.identity = Bootstrap.createAll(template, aws.endpoints());
            this.demo = new DemoData(Menu.applicationYear(AppClock.process()));
            try (DynamoDbClient dynamo = AwsClients.dynamoDb(); CognitoIdentityProviderClient cognito = AwsClients.cognito();
                 var s3 = AwsClients.s3()) {
                demo.load(dynamo, cognito, s3, Bootstrap.TABLE, identity.userPoolId());
            }
            JwtVerifier verifier = new JwtVerifier(java.net.URI.create(identity.jwksUrl()), identity.issuer(),
                    identity.clientId(), Clock.systemUTC());
            // CloudFront's security headers, from the template; the documents bucket is the S3 stand-in here
            var headers = SecurityHeaders.fromTemplate(template, java.util.Map.of("DocumentsOrigin",
                    SecurityHeaders.origin(aws.endpoints().s3())));
            this.gateway = new LocalGateway(template, root.resolve("web"), verifier, handlers).responseHeaders(headers).start(port);
            // the page the mails name: here the local gateway (handlers read it when they are first built, after this)
            System.setProperty(Settings.SITE_URL, gateway.url());
            this.schedules = new ScheduleRunner(template, handlers, AppClock.process());
            if (runSchedules) schedules.start();
        } catch (RuntimeException | IOException e) {
            aws.close();
            throw e;
        }
    }

    /** @param port 0 for any free port */
    public static LocalSystem start(int port, boolean runSchedules) { return start(port, runSchedules, null); }

    /** With DynamoDB, S3 and SES from {@code external} (LocalStack) instead of the in-process stand-ins. */
    public static LocalSystem start(int port, boolean runSchedules, LocalAws.External external) {
        try {
            Path root = projectRoot();
            Path data = Files.createTempDirectory("nintei-local-");
            return new LocalSystem(root, port, data, runSchedules, external);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding template.yaml (the project root), found upwards from the working directory. */
    public static Path projectRoot() {
        String fixed = System.getProperty("nintei.root");
        if (fixed != null) return Path.of(fixed).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("local"))) return p;
            p = p.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Path root() { return root; }

    public LocalAws aws() { return aws; }

    public Template template() { return template; }

    public Bootstrap.Identity identity() { return identity; }

    public DemoData demo() { return demo; }

    public LocalGateway gateway() { return gateway; }

    public ScheduleRunner schedules() { return schedules; }

    public LocalGateway.HandlerRegistry handlers() { return handlers; }

    @Override
    public void close() {
        schedules.close();
        gateway.close();
        aws.close();
    }
}
