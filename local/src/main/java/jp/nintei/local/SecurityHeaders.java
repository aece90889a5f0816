package jp.nintei.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.platform.Template;

/**
 * The response headers CloudFront adds to every answer, read from template.yaml's
 * {@code AWS::CloudFront::ResponseHeadersPolicy} that the distribution's default behaviour names, so the local
 * gateway serves exactly what production serves (one source of truth). The CSP's {@code !Sub} variables are
 * AWS resources (the documents bucket's origin); locally each is given by the caller, e.g. the S3 stand-in.
 */
public final class SecurityHeaders {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private SecurityHeaders() {}

    /** @param local the local value of every variable of the CSP's {@code !Sub} (e.g. DocumentsOrigin) */
    public static Map<String, String> fromTemplate(Template template, Map<String, String> local) {
        String policy = policyOfDefaultBehaviour(template);
        Map<String, Object> config = Template.map(Template.map(Template.map(template.resource(policy).get("Properties"))
                .get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> csp = Template.map(config.get("ContentSecurityPolicy"));
        if (!csp.isEmpty()) headers.put("Content-Security-Policy", substitute(csp.get("ContentSecurityPolicy"), local, policy));
        Map<String, Object> hsts = Template.map(config.get("StrictTransportSecurity"));
        if (!hsts.isEmpty()) {
            headers.put("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                    + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                    + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
        }
        Map<String, Object> frame = Template.map(config.get("FrameOptions"));
        if (!frame.isEmpty()) headers.put("X-Frame-Options", String.valueOf(frame.get("FrameOption")));
        if (config.containsKey("ContentTypeOptions")) headers.put("X-Content-Type-Options", "nosniff");
        Map<String, Object> referrer = Template.map(config.get("ReferrerPolicy"));
        if (!referrer.isEmpty()) headers.put("Referrer-Policy", String.valueOf(referrer.get("ReferrerPolicy")));
        return headers;
    }

    /** {@code http://127.0.0.1:4568/} → {@code http://127.0.0.1:4568} (a CSP source expression). */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    static String policyOfDefaultBehaviour(Template template) {
        for (String d : template.resourcesOfType("AWS::CloudFront::Distribution")) {
            Map<String, Object> config = Template.map(Template.map(template.resource(d).get("Properties")).get("DistributionConfig"));
            Object ref = Template.map(Template.map(config.get("DefaultCacheBehavior")).get("ResponseHeadersPolicyId")).get("Ref");
            if (ref != null) return ref.toString();
        }
        throw new IllegalStateException("template.yaml: no distribution names a ResponseHeadersPolicy in its DefaultCacheBehavior");
    }

    private static String substitute(Object value, Map<String, String> local, String policy) {
        Object sub = Template.map(value).get("Fn::Sub");
        String text = sub == null ? String.valueOf(value) : sub instanceof List<?> l ? String.valueOf(l.get(0)) : sub.toString();
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = local.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException(policy + ": the local gateway has no value for ${" + m.group(1)
                        + "} in the Content-Security-Policy (give it in LocalSystem)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
