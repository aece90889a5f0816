package jp.nintei.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What may use what, read from the sources: the domain knows nothing of services, stores, adapters, the platform,
 * AWS or JSON; the services speak the domain (a Rejection, never an HTTP status or ApiException, no Jackson type).
 * A name counts wherever it appears (an import or a fully qualified name in the code).
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/jp/nintei");

    /** Every service speaks the domain now: no file is exempt. */
    private static final Set<String> NOT_YET_CONVERTED = Set.of();

    @Test
    void theDomainUsesNoLayerAboveItNorAwsNorJson() {
        List<String> found = offences("domain", Set.of(),
                "jp.nintei.service", "jp.nintei.port", "jp.nintei.adapter", "jp.nintei.platform", "software.amazon", "tools.jackson");
        assertEquals(List.of(), found);
    }

    /** Every interface the services call lives in {@code port} and knows only the domain. */
    @Test
    void thePortsNameOnlyTheDomain() {
        List<String> found = offences("port", Set.of(),
                "jp.nintei.service", "jp.nintei.adapter", "jp.nintei.platform", "software.amazon", "tools.jackson");
        assertEquals(List.of(), found);
    }

    /** No rule hides in a port: a port declares what it needs and holds no default method. */
    @Test
    void thePortsHoldNoDefaultMethod() {
        assertEquals(List.of(), offences("port", Set.of(), "    default "));
    }

    @Test
    void theServicesSpeakTheDomainNotHttpNorJson() {
        List<String> found = offences("service", NOT_YET_CONVERTED, "jp.nintei.adapter.http", "ApiException", "tools.jackson",
                "jp.nintei.adapter.json");
        assertEquals(List.of(), found);
    }

    @Test
    void theServicesNameNoAdapterAtAll() {
        List<String> found = offences("service", NOT_YET_CONVERTED, "jp.nintei.adapter", "software.amazon");
        assertEquals(List.of(), found);
    }

    /**
     * One way to change part of an item: every UpdateItem, and every history line, is built by ConditionalUpdate
     * (and sent by RetrySafeWrite), so a placeholder, a condition or a history line has one shape.
     */
    @Test
    void theStoresUpdateItemsThroughOneBuilder() {
        Set<String> builder = Set.of("ConditionalUpdate.java", "RetrySafeWrite.java");
        assertEquals(List.of(), offences("adapter", builder, "updateItem(", "RetrySafeWrite.update(", "list_append", "UpdateItemRequest"));
        assertTrue(offences("adapter/dynamo", Set.of(), "list_append").stream().anyMatch(f -> f.startsWith("adapter/dynamo/ConditionalUpdate.java:")));
    }

    /** The mail state is the enum in every port (a string there let "BOUNCED" and "bounced" both exist). */
    @Test
    void theMailStateIsTheEnumInEveryPort() {
        assertEquals(List.of(), offences("port", Set.of(), "String mailState", "String state,"));
    }

    /** The check itself can fail: it finds a name where one is used, so an empty answer above means something. */
    @Test
    void theCheckFindsANameWhereItIsUsed() {
        assertTrue(offences("adapter/http", Set.of(), "tools.jackson").stream().anyMatch(f -> f.startsWith("adapter/http/Json.java:")));
        assertTrue(offences("domain", Set.of(), "package jp.nintei.domain").size() > 10, "the domain's sources are read");
    }

    private static List<String> offences(String layer, Set<String> allowed, String... forbidden) {
        List<String> out = new ArrayList<>();
        Path root = MAIN.resolve(layer);
        assertTrue(Files.isDirectory(root), "sources at " + root.toAbsolutePath());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                if (allowed.contains(f.getFileName().toString())) continue;
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    for (String name : forbidden) {
                        if (lines.get(i).contains(name)) out.add(MAIN.relativize(f) + ":" + (i + 1) + " uses " + name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
