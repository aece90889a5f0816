package jp.nintei.it;

import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Makes cognito-local answer as AWS Cognito does where it cannot (lockout, refused attributes): the SDK client
 * built with this interceptor throws the given AWS error for the requests {@code fault} picks, before sending.
 */
final class CognitoFaults implements ExecutionInterceptor {
    private final Function<SdkRequest, CognitoIdentityProviderException> fault;

    CognitoFaults(Function<SdkRequest, CognitoIdentityProviderException> fault) { this.fault = fault; }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CognitoIdentityProviderException e = fault.apply(context.request());
        if (e != null) throw e;
    }

    /** An AWS error as the SDK would build it from Cognito's answer. */
    static <B extends CognitoIdentityProviderException.Builder> CognitoIdentityProviderException error(B builder, String code, String message) {
        return (CognitoIdentityProviderException) builder.message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("CognitoIdentityProvider").build())
                .build();
    }
}
