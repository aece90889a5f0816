package jp.nintei.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches a request to a template route the way the HTTP API does: the most specific path wins
 * (literal segments over {@code {param}} over greedy {@code {proxy+}}), and a route's own method over ANY.
 */
public final class RouteTable {
    public sealed interface Match permits Found, MethodNotAllowed, NotFound {}

    public record Found(Template.Route route, Map<String, String> pathParameters) implements Match {}

    public record MethodNotAllowed(List<String> allowed) implements Match {}

    public record NotFound() implements Match {}

    private final List<Template.Route> routes;

    public RouteTable(List<Template.Route> routes) {
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt(RouteTable::specificity).reversed()
                        .thenComparing(r -> "ANY".equals(r.method())))
                .toList();
    }

    public List<Template.Route> routes() { return routes; }

    /** The same table without greedy ANY routes: what the catch-all fallback uses to tell 404 from 405. */
    public RouteTable withoutCatchAll() {
        return new RouteTable(routes.stream().filter(r -> !(isGreedy(r.path()) && "ANY".equals(r.method()))).toList());
    }

    public Match match(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Template.Route r : routes) {
            Map<String, String> params = matchPath(r.path(), path);
            if (params == null) continue;
            if (r.method().equals(method) || "ANY".equals(r.method())) return new Found(r, params);
            allowed.add(r.method());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(new ArrayList<>(allowed));
    }

    static Map<String, String> matchPath(String pattern, String path) {
        String[] p = split(pattern);
        String[] s = split(path);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            String seg = p[i];
            if (seg.startsWith("{") && seg.endsWith("+}")) {
                if (i >= s.length) return null;
                params.put(seg.substring(1, seg.length() - 2), String.join("/", java.util.Arrays.copyOfRange(s, i, s.length)));
                return params;
            }
            if (i >= s.length) return null;
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (s[i].isEmpty()) return null;
                params.put(seg.substring(1, seg.length() - 1), s[i]);
            } else if (!seg.equals(s[i])) {
                return null;
            }
        }
        return p.length == s.length ? params : null;
    }

    private static String[] split(String path) {
        String t = path.startsWith("/") ? path.substring(1) : path;
        if (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t.isEmpty() ? new String[0] : t.split("/", -1);
    }

    private static boolean isGreedy(String path) { return path.contains("+}"); }

    private static int specificity(Template.Route r) {
        int score = 0;
        for (String seg : split(r.path())) {
            if (seg.endsWith("+}")) score -= 1000;
            else if (seg.startsWith("{")) score += 1;
            else score += 100;
        }
        return score;
    }
}
