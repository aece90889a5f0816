package jp.nintei.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * template.yaml, read as data: the single source of the HTTP routes and the schedules. The local gateway
 * and the fallback function both read it, so no route table is written twice. CloudFormation short tags
 * ({@code !Ref}, {@code !Sub}, …) are kept as one-key maps ({@code {"Ref": …}}), as CloudFormation does.
 */
public final class Template {
    /** One HttpApi event of a function. {@code authorized} is false for {@code Auth: Authorizer: NONE}. */
    public record Route(String method, String path, String function, String handler, boolean authorized) {}

    /** One Schedule/ScheduleV2 event of a function. */
    public record Schedule(String function, String handler, String event, String expression, String timezone,
                           boolean enabled) {}

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) { this.root = root; }

    public static Template load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Template load(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        Object doc = new Yaml(new CloudFormationConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new CloudFormationResolver()).load(in);
        return new Template(map(doc));
    }

    /** From the classpath (the functions jar carries a copy of template.yaml). */
    public static Template fromClasspath() {
        try (InputStream in = Template.class.getResourceAsStream("/template.yaml")) {
            if (in == null) throw new IllegalStateException("template.yaml is not on the classpath");
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> resources() { return map(root.get("Resources")); }

    public Map<String, Object> parameters() { return map(root.get("Parameters")); }

    public Map<String, Object> resource(String name) { return map(resources().get(name)); }

    public Map<String, Object> globalFunction() { return map(map(root.get("Globals")).get("Function")); }

    public List<String> resourcesOfType(String type) {
        List<String> out = new ArrayList<>();
        resources().forEach((name, r) -> { if (type.equals(map(r).get("Type"))) out.add(name); });
        return out;
    }

    public String handlerOf(String function) {
        Object h = map(resource(function).get("Properties")).get("Handler");
        if (h == null) h = globalFunction().get("Handler");
        if (h == null) throw new IllegalStateException(function + " has no Handler in template.yaml");
        return h.toString();
    }

    public List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (String fn : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> events = map(map(resource(fn).get("Properties")).get("Events"));
            for (Object e : events.values()) {
                Map<String, Object> ev = map(e);
                if (!"HttpApi".equals(ev.get("Type"))) continue;
                Map<String, Object> p = map(ev.get("Properties"));
                Object authorizer = map(p.get("Auth")).get("Authorizer");
                out.add(new Route(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(java.util.Locale.ROOT),
                        String.valueOf(p.get("Path")), fn, handlerOf(fn), !"NONE".equals(authorizer)));
            }
        }
        return out;
    }

    public List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        for (String fn : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> events = map(map(resource(fn).get("Properties")).get("Events"));
            // keys stay Objects: YAML 1.1 reads a key such as Off or Yes as a boolean
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) events).entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<String, Object> ev = map(entry.getValue());
                Object type = ev.get("Type");
                if (!"Schedule".equals(type) && !"ScheduleV2".equals(type)) continue;
                Map<String, Object> p = map(ev.get("Properties"));
                Object tz = p.get("ScheduleExpressionTimezone");
                Object enabled = p.get("Enabled");
                Object state = p.get("State");
                boolean on = !(Boolean.FALSE.equals(enabled) || "DISABLED".equals(state));
                out.add(new Schedule(fn, handlerOf(fn), name, String.valueOf(p.get("Schedule") != null
                        ? p.get("Schedule") : p.get("ScheduleExpression")), tz == null ? "UTC" : tz.toString(), on));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    /**
     * Plain scalars as CloudFormation reads them: only true/false are booleans (YAML 1.1 would also turn
     * an event named {@code Off} or {@code Yes} into one), and dates stay text.
     */
    private static final class CloudFormationResolver extends Resolver {
        private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /** Reads {@code !Ref x} as {@code {Ref: x}}, {@code !GetAtt a.b} as {@code {Fn::GetAtt: [a, b]}}, etc. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String suffix = node.getTag().getValue().substring(1);
                    String name = "Ref".equals(suffix) ? "Ref" : "Fn::" + suffix;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        String v = constructScalar(s);
                        value = "GetAtt".equals(suffix) ? List.of(v.split("\\.", 2)) : v;
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(name, value);
                }
            });
        }
    }
}
