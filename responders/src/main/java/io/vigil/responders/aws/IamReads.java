package io.vigil.responders.aws;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/** The IAM reads the credential adapters plan with; they change nothing. */
final class IamReads {
    private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity");
    private final IamClient iam;

    IamReads(IamClient iam) {
        this.iam = iam;
    }

    /** The key's user and status; empty when IAM does not know the key (deleted already, or another account's). */
    Optional<AccessKeyMetadata> accessKey(String accessKeyId) {
        try {
            String user = iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId)).userName();
            return iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().stream()
                    .filter(k -> k.accessKeyId().equals(accessKeyId)).findFirst();
        } catch (SdkException e) {
            if (AwsErrors.hasCode(e, NOT_FOUND)) {
                return Optional.empty();
            }
            throw AwsErrors.classify("reading access key " + accessKeyId, e);
        }
    }

    Optional<String> userPolicy(String user, String policy) {
        try {
            return Optional.of(iam.getUserPolicy(r -> r.userName(user).policyName(policy)).policyDocument());
        } catch (SdkException e) {
            if (AwsErrors.hasCode(e, NOT_FOUND)) {
                return Optional.empty();
            }
            throw AwsErrors.classify("reading policy " + policy + " of user " + user, e);
        }
    }

    Optional<String> rolePolicy(String role, String policy) {
        try {
            return Optional.of(iam.getRolePolicy(r -> r.roleName(role).policyName(policy)).policyDocument());
        } catch (SdkException e) {
            if (AwsErrors.hasCode(e, NOT_FOUND)) {
                return Optional.empty();
            }
            throw AwsErrors.classify("reading policy " + policy + " of role " + role, e);
        }
    }
}
