package io.vigil.responders.aws;

import io.vigil.responders.action.ActionException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts SDK errors into retryable (throttling, 5xx, network: trying again later may work) and permanent
 * (denied, invalid, not found: it will not), after the SDK's own retries are spent.
 */
public final class AwsErrors {
    private static final String DRY_RUN_OK = "DryRunOperation";

    private AwsErrors() {}

    public static ActionException classify(String what, SdkException e) {
        return new ActionException(what + ": " + describe(e), retryable(e), e);
    }

    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    /** The error code and message the service sent (never request contents), or the client's message. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null) {
            return s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
        }
        if (e instanceof AwsServiceException s) {
            return "HTTP " + s.statusCode() + " without an error code";
        }
        return e.getMessage();
    }

    static boolean hasCode(SdkException e, Set<String> codes) {
        // an error without a code (an emulator's "not implemented", a proxy's HTML page) matches none; Set.of refuses null
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null
                && codes.contains(s.awsErrorDetails().errorCode());
    }

    /**
     * Runs an EC2 call with {@code DryRun=true}: EC2 answers {@code DryRunOperation} when the call would
     * have succeeded, and an error (typically {@code UnauthorizedOperation}) when it would not.
     *
     * @return "would succeed", or throws the classified refusal
     */
    public static String dryRun(String what, Runnable call) {
        try {
            call.run();
            return "would succeed";
        } catch (SdkException e) {
            if (hasCode(e, Set.of(DRY_RUN_OK))) {
                return "would succeed";
            }
            throw classify("dry run of " + what + " was refused", e);
        }
    }
}
