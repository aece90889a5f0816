package jp.nintei.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * functions.jar (what template.yaml deploys, built by the functions module before these tests run) carries no
 * HTTP client but the URLConnection one the code configures: the Apache 4/5 and Netty clients are dead weight
 * in every cold start's download and class path.
 */
class FunctionsJarTest {
    static final List<String> UNUSED = List.of("org/apache/hc/", "org/apache/http/", "io/netty/",
            "software/amazon/awssdk/http/apache", "software/amazon/awssdk/http/nio/netty/");

    @Test
    void theDeployedJarHoldsNoUnusedHttpClient() throws Exception {
        Path jar = LocalSystem.projectRoot().resolve("functions/target/functions.jar");
        if (System.getenv("CI") != null) assertTrue(Files.isRegularFile(jar), "CI builds " + jar + " before the local tests");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "functions.jar not built (mvn package)");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> found = zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .filter(n -> UNUSED.stream().anyMatch(n::startsWith)).limit(5).toList();
            assertEquals(List.of(), found, "exclude these clients from the AWS SDK dependencies in shared/pom.xml");
            assertTrue(zip.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class") != null);
        }
    }
}
