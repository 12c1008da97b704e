package io.vigil.responders;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import io.vigil.responders.evidence.ForensicTarget;
import io.vigil.responders.notify.Webhook;

/**
 * How a {@link Responder} runs.
 *
 * @param execute      change the cloud; when false (the default) every action is only planned
 * @param endpointUrl  an endpoint used for every AWS service instead of the real ones (moto, LocalStack)
 * @param region       the AWS region; empty means the SDK's default region chain
 * @param playbooksDir a folder of playbook YAML files added to (or overriding) the shipped ones
 * @param forensic     the account and KMS key forensic copies of snapshots go to; without it those steps are skipped
 * @param webhook      where notify.case steps post the case event (JSON); without it they write the vigil.case log
 * @param legalHoldLogs the log objects logs.legal_hold steps put under S3 Object Lock legal hold; without it those steps are skipped
 */
public record ResponderOptions(boolean execute, Optional<URI> endpointUrl, Optional<String> region, Optional<Path> playbooksDir,
                               Optional<ForensicTarget> forensic, Optional<Webhook> webhook, Optional<io.vigil.responders.evidence.LogLocation> legalHoldLogs) {

    public ResponderOptions(boolean execute, Optional<URI> endpointUrl, Optional<String> region, Optional<Path> playbooksDir,
                            Optional<ForensicTarget> forensic, Optional<Webhook> webhook) {
        this(execute, endpointUrl, region, playbooksDir, forensic, webhook, Optional.empty());
    }

    public ResponderOptions(boolean execute, Optional<URI> endpointUrl, Optional<String> region, Optional<Path> playbooksDir) {
        this(execute, endpointUrl, region, playbooksDir, Optional.empty(), Optional.empty());
    }

    public static ResponderOptions dryRun() {
        return new ResponderOptions(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
