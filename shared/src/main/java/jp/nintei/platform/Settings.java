package jp.nintei.platform;

import java.net.URI;
import java.util.Optional;

/**
 * Configuration by name. In Lambda the values come from the function's environment (template.yaml
 * Globals); the local runner sets JVM system properties of the same names, since one JVM hosts every
 * function and cannot change its own environment.
 */
public final class Settings {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String DOCUMENTS_BUCKET = "DOCUMENTS_BUCKET";
    public static final String USER_POOL_ID = "USER_POOL_ID";
    public static final String USER_POOL_CLIENT_ID = "USER_POOL_CLIENT_ID";
    public static final String SENDER_ADDRESS = "SENDER_ADDRESS";
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    /** Where the season's summaries go (the secretariat's shared mailbox). */
    public static final String SECRETARIAT_ADDRESS = "SECRETARIAT_ADDRESS";
    /** The web page's address for the mails (https://<WebDomainName>); empty when the stack has no custom domain. */
    public static final String SITE_URL = "SITE_URL";
    public static final String REGION = "AWS_REGION";
    /** Local stand-ins only: endpoint overrides, never set in template.yaml. */
    public static final String LOCAL_ENDPOINT_PREFIX = "NINTEI_LOCAL_ENDPOINT_";

    private Settings() {}

    public static Optional<String> find(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public static String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("missing setting " + name));
    }

    public static String region() { return find(REGION).orElse("ap-northeast-1"); }

    /** e.g. {@code localEndpoint("DYNAMODB")}: present only on the local stack. */
    public static Optional<URI> localEndpoint(String service) {
        return find(LOCAL_ENDPOINT_PREFIX + service).map(URI::create);
    }
}
