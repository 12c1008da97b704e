package io.vigil.responders.aws;

import io.vigil.responders.action.Outcome;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One planned IAM change: why it is not needed, or the call it makes and how to make it. IAM has no
 * {@code DryRun} parameter, so the dry run is the plan alone.
 */
record IamStep(Optional<String> skipBecause, String call, Map<String, String> details, Runnable apply) {

    static IamStep skip(String reason, Map<String, String> details) {
        return new IamStep(Optional.of(reason), "", details, () -> {});
    }

    Outcome plan() {
        return skipBecause.map(r -> Outcome.skipped(r, details)).orElseGet(() -> Outcome.planned(call, details));
    }

    Outcome execute() {
        if (skipBecause.isPresent()) {
            return Outcome.skipped(skipBecause.get(), details);
        }
        try {
            apply.run();
        } catch (SdkException e) {
            throw AwsErrors.classify(call, e);
        }
        return Outcome.executed(call, details);
    }
}
