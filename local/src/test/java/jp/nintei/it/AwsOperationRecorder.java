package jp.nintei.it;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.nintei.adapter.http.Json;
import jp.nintei.platform.Settings;
import jp.nintei.platform.Template;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records every AWS operation a Lambda handler makes during the integration tests, for the policy-coverage
 * check ({@code tools/policy_coverage.py}, run by {@code .ci/run}): which handler (the innermost
 * {@link RequestHandler} on the calling thread's stack, so handler tests, gateway tests and schedules all
 * count, constructors included), which service and operation, and the resources it names (table, index,
 * bucket, key, sender, configuration set, user pool). Values that equal one of the functions' environment
 * variables are written as {@code ${NAME}}, so the check can tell from template.yaml which resource they are.
 *
 * <p>Registered for every SDK client of the test JVM through the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources): no
 * production code knows about it. The S3 presigner runs the same interceptors, so a presigned PUT or GET
 * is recorded as the {@code PutObject}/{@code GetObject} the function's role must allow.
 * Output: one JSON line per operation in {@code local/target/aws-operations/<pid>.jsonl}.
 */
public final class AwsOperationRecorder implements ExecutionInterceptor {
    static final Path DIRECTORY = Path.of(System.getProperty("nintei.root", ".."), "local", "target", "aws-operations");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final List<String> FIELDS = List.of("TableName", "IndexName", "Bucket", "Key", "VersionId",
            "Prefix", "FromEmailAddress", "ConfigurationSetName", "UserPoolId", "ClientId");
    private static volatile Set<String> environmentKeys;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Optional<String> handler = STACK.walk(frames -> frames
                .filter(f -> RequestHandler.class.isAssignableFrom(f.getDeclaringClass()))
                .map(f -> f.getDeclaringClass().getName()).findFirst());
        if (handler.isEmpty()) return; // test set-up and fixtures, not a function
        write(record(handler.get(), attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
    }

    static ObjectNode record(String handler, String service, String operation, SdkRequest request) {
        ObjectNode line = Json.object().put("handler", handler).put("service", service).put("operation", operation);
        ObjectNode params = line.putObject("params");
        for (String field : FIELDS) {
            // strings only: a DynamoDB Key is a map of the item's key (member numbers), not a resource
            request.getValueForField(field, Object.class).filter(String.class::isInstance)
                    .ifPresent(v -> params.put(field, symbolic(field, v.toString())));
        }
        // BatchGetItem/BatchWriteItem name their tables as the keys of RequestItems
        request.getValueForField("RequestItems", Map.class).ifPresent(items -> {
            var tables = params.putArray("Tables");
            for (Object table : items.keySet()) tables.add(symbolic("TableName", table.toString()));
        });
        return line;
    }

    /** {@code nintei} → {@code ${TABLE_NAME}}; a From address {@code 名前 <a@b>} → its address first. */
    static String symbolic(String field, String value) {
        String v = value;
        if ("FromEmailAddress".equals(field)) {
            int lt = v.lastIndexOf('<');
            int gt = v.lastIndexOf('>');
            if (lt >= 0 && gt > lt) v = v.substring(lt + 1, gt);
        }
        String name = environmentNames().get(v);
        return name == null ? v : "${" + name + "}";
    }

    /** Value → name of the environment variables template.yaml gives the functions (locally: system properties). */
    static Map<String, String> environmentNames() {
        Set<String> keys = environmentKeys;
        if (keys == null) {
            Template template = Template.load(Path.of(System.getProperty("nintei.root", ".."), "template.yaml"));
            keys = new LinkedHashSet<>(Template.map(Template.map(template.globalFunction().get("Environment"))
                    .get("Variables")).keySet());
            for (String fn : template.resourcesOfType("AWS::Serverless::Function")) {
                Map<String, Object> p = Template.map(template.resource(fn).get("Properties"));
                keys.addAll(Template.map(Template.map(p.get("Environment")).get("Variables")).keySet());
            }
            environmentKeys = keys;
        }
        // read each time: the user pool's id is known only once the stand-ins run
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : keys) {
            Optional<String> value = Settings.find(key);
            if (value.isPresent() && !value.get().isBlank()) names.putIfAbsent(value.get(), key);
        }
        return names;
    }

    private static synchronized void write(ObjectNode line) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(ProcessHandle.current().pid() + ".jsonl"), Json.write(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines this JVM wrote (for the recorder's own test). */
    static List<String> lines() throws IOException {
        Path file = DIRECTORY.resolve(ProcessHandle.current().pid() + ".jsonl");
        return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
    }
}
