package jp.nintei.local.faults;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Applies the {@link Faults} rules to every SDK client of this JVM. Registered as an SDK global interceptor
 * (resource {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the local module), so the
 * handlers' own clients get it without a line of production code; only the local stack and its tests have
 * this module on their class path. Failures are raised inside the SDK's retry loop, exactly where the stand-in's
 * answer would be read, so the SDK's retries and backoff behave as they do against AWS.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Map<String, List<Map<String, AttributeValue>>>> HELD_KEYS =
            new ExecutionAttribute<>("nintei.faults.heldKeys");
    private static final ExecutionAttribute<Map<String, KeysAndAttributes>> ASKED = new ExecutionAttribute<>("nintei.faults.asked");
    private static final ExecutionAttribute<Boolean> DENIED = new ExecutionAttribute<>("nintei.faults.denied");
    private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD_WRITES =
            new ExecutionAttribute<>("nintei.faults.heldWrites");

    private static String service(ExecutionAttributes a) { return a.getAttribute(SdkExecutionAttribute.SERVICE_NAME); }

    private static String operation(ExecutionAttributes a) { return a.getAttribute(SdkExecutionAttribute.OPERATION_NAME); }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (Faults.RULES.isEmpty()) return context.request();
        SdkRequest request = context.request();
        if (request instanceof BatchGetItemRequest get
                && Faults.firing(service(attributes), operation(attributes), request, Faults.Kind.UNPROCESSED) != null) {
            // the read happens; half the keys' answers are held back and named unprocessed, as DynamoDB does under load
            Map<String, List<Map<String, AttributeValue>>> held = new HashMap<>();
            get.requestItems().forEach((table, k) -> {
                List<Map<String, AttributeValue>> keys = k.keys();
                held.put(table, new ArrayList<>(keys.subList(keys.size() / 2, keys.size())));
            });
            attributes.putAttribute(HELD_KEYS, held);
            attributes.putAttribute(ASKED, get.requestItems());
        }
        if (request instanceof BatchWriteItemRequest write
                && Faults.firing(service(attributes), operation(attributes), request, Faults.Kind.UNPROCESSED) != null) {
            Map<String, List<WriteRequest>> sent = new HashMap<>();
            Map<String, List<WriteRequest>> held = new HashMap<>();
            write.requestItems().forEach((table, writes) -> {
                // never an empty request: with one write it is sent and still named unprocessed (a put again is the same item)
                int keep = writes.size() == 1 ? 1 : writes.size() / 2;
                sent.put(table, writes.subList(0, keep));
                held.put(table, writes.subList(writes.size() == 1 ? 0 : keep, writes.size()));
            });
            attributes.putAttribute(HELD_WRITES, held);
            return write.toBuilder().requestItems(sent).build();
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Faults.RULES.isEmpty()) return;
        Faults.Rule r = Faults.firing(service(attributes), operation(attributes), context.request(),
                Faults.Kind.THROTTLE, Faults.Kind.SERVER_ERROR, Faults.Kind.REJECT, Faults.Kind.DROPPED_CONNECTION, Faults.Kind.SLOW_ANSWER);
        if (r == null) return;
        switch (r.kind) {
            case SLOW_ANSWER -> {
                try {
                    Thread.sleep(r.delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case DROPPED_CONNECTION -> throw SdkClientException.builder().message("Unable to execute HTTP request: Connection reset (injected)")
                    .cause(new SocketException("Connection reset")).build();
            case THROTTLE -> throw throttled(service(attributes));
            case SERVER_ERROR -> throw serverError(service(attributes));
            case REJECT -> throw (AwsServiceException) MessageRejectedException.builder().statusCode(400)
                    .awsErrorDetails(details("MessageRejected", "Email address is not verified (injected)", 400, "SESv2"))
                    .message("Email address is not verified (injected)").build();
            default -> { }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (Faults.RULES.isEmpty()) return;
        if (context.httpResponse().statusCode() >= 300) return; // only a write that landed
        if (Faults.firing(service(attributes), operation(attributes), context.request(), Faults.Kind.LATE_ANSWER_AFTER_WRITE) != null) {
            throw SdkClientException.builder().message("Read timed out (injected: the request was applied)")
                    .cause(new SocketTimeoutException("Read timed out")).build();
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        Map<String, List<Map<String, AttributeValue>>> heldKeys = attributes.getAttribute(HELD_KEYS);
        if (heldKeys != null && response instanceof BatchGetItemResponse r) {
            Map<String, List<Map<String, AttributeValue>>> items = new HashMap<>();
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>(r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of());
            Map<String, KeysAndAttributes> asked = attributes.getAttribute(ASKED);
            r.responses().forEach((table, list) -> {
                List<Map<String, AttributeValue>> held = heldKeys.getOrDefault(table, List.of());
                items.put(table, list.stream().filter(i -> held.stream().noneMatch(k -> sameKey(k, i))).toList());
            });
            heldKeys.forEach((table, keys) -> {
                if (keys.isEmpty()) return;
                unprocessed.put(table, asked.get(table).toBuilder().keys(keys).build());
            });
            return r.toBuilder().responses(items).unprocessedKeys(unprocessed).build();
        }
        Map<String, List<WriteRequest>> heldWrites = attributes.getAttribute(HELD_WRITES);
        if (heldWrites != null && response instanceof BatchWriteItemResponse r) {
            Map<String, List<WriteRequest>> unprocessed = new HashMap<>(r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of());
            heldWrites.forEach((table, writes) -> { if (!writes.isEmpty()) unprocessed.put(table, writes); });
            return r.toBuilder().unprocessedItems(unprocessed).build();
        }
        return response;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        if (Faults.RULES.isEmpty() || response.statusCode() != 404 || !"S3".equalsIgnoreCase(service(attributes))) return response;
        if (Faults.firing(service(attributes), operation(attributes), context.request(), Faults.Kind.ACCESS_DENIED_FOR_MISSING) == null) {
            return response;
        }
        attributes.putAttribute(DENIED, Boolean.TRUE);
        return response.toBuilder().statusCode(403).statusText("Forbidden").build();
    }

    @Override
    public java.util.Optional<java.io.InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                                              ExecutionAttributes attributes) {
        if (!Boolean.TRUE.equals(attributes.getAttribute(DENIED))) return context.responseBody();
        attributes.putAttribute(DENIED, Boolean.FALSE);
        // S3's own answer to a caller without s3:ListBucket asking for a key that does not exist
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                + "<RequestId>INJECTED</RequestId><HostId>local</HostId></Error>";
        return java.util.Optional.of(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static boolean sameKey(Map<String, AttributeValue> key, Map<String, AttributeValue> item) {
        for (Map.Entry<String, AttributeValue> k : key.entrySet()) if (!k.getValue().equals(item.get(k.getKey()))) return false;
        return true;
    }

    private static AwsErrorDetails details(String code, String message, int status, String service) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(service)
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build();
    }

    private static RuntimeException throttled(String service) {
        return switch (service.toLowerCase(java.util.Locale.ROOT)) {
            case "dynamodb" -> ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(details("ProvisionedThroughputExceededException", "Rate exceeded (injected)", 400, service))
                    .message("Rate exceeded (injected)").build();
            case "s3" -> S3Exception.builder().statusCode(503).message("Please reduce your request rate. (injected)")
                    .awsErrorDetails(details("SlowDown", "Please reduce your request rate.", 503, service)).build();
            case "sesv2" -> software.amazon.awssdk.services.sesv2.model.TooManyRequestsException.builder().statusCode(429)
                    .awsErrorDetails(details("TooManyRequestsException", "Maximum sending rate exceeded. (injected)", 429, service))
                    .message("Maximum sending rate exceeded. (injected)").build();
            default -> software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException.builder().statusCode(400)
                    .awsErrorDetails(details("TooManyRequestsException", "Too many requests (injected)", 400, service))
                    .message("Too many requests (injected)").build();
        };
    }

    private static RuntimeException serverError(String service) {
        return switch (service.toLowerCase(java.util.Locale.ROOT)) {
            case "dynamodb" -> InternalServerErrorException.builder().statusCode(500)
                    .awsErrorDetails(details("InternalServerError", "Internal server error (injected)", 500, service))
                    .message("Internal server error (injected)").build();
            case "s3" -> S3Exception.builder().statusCode(500).message("We encountered an internal error. (injected)")
                    .awsErrorDetails(details("InternalError", "We encountered an internal error.", 500, service)).build();
            default -> SesV2Exception.builder().statusCode(500).message("Internal failure (injected)")
                    .awsErrorDetails(details("InternalFailure", "Internal failure", 500, service)).build();
        };
    }
}
