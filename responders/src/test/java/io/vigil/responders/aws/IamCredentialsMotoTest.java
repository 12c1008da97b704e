package io.vigil.responders.aws;

import io.vigil.testing.moto.MotoServer;
import io.vigil.testing.moto.MotoExtension;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.schemas.ActionStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

@ExtendWith(MotoExtension.class)
class IamCredentialsMotoTest {
    private Estate estate;
    private IamClient iam;
    private String user;

    @BeforeEach
    void estate(MotoServer moto) {
        estate = new Estate(moto.endpoint());
        iam = estate.aws.iam();
        user = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        iam.createUser(r -> r.userName(user));
    }

    @AfterEach
    void close() {
        estate.close();
    }

    @Test
    void deactivatesTheKeyOnceAndTheDryRunLeavesItActive() {
        String key = iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();

        Outcome planned = new DryRunIamCredentials(iam).deactivateAccessKey(key, Estate.context("f-key"));
        assertThat(planned.status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(planned.plan()).isEqualTo("iam:UpdateAccessKey UserName=" + user + " AccessKeyId=" + key + " Status=Inactive");
        assertThat(status(key)).isEqualTo(StatusType.ACTIVE);

        IamCredentials credentials = new IamCredentials(iam);
        Outcome done = credentials.deactivateAccessKey(key, Estate.context("f-key"));
        assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(done.details()).containsEntry("user", user).containsEntry("previous_status", "Active");
        assertThat(status(key)).isEqualTo(StatusType.INACTIVE);
        assertThat(credentials.deactivateAccessKey(key, Estate.context("f-key")).status()).isEqualTo(ActionStatus.SKIPPED);
    }

    @Test
    void temporaryAndUnknownKeysAreSkipped() {
        IamCredentials credentials = new IamCredentials(iam);
        assertThat(credentials.deactivateAccessKey("ASIAEXAMPLEEXAMPLE01", Estate.context("f-tmp")).plan()).contains("temporary session key");
        assertThat(credentials.deactivateAccessKey("AKIAEXAMPLEEXAMPLE99", Estate.context("f-unknown")).status()).isEqualTo(ActionStatus.SKIPPED);
    }

    @Test
    void deniesEverythingToTheUserOnce() {
        IamCredentials credentials = new IamCredentials(iam);

        assertThat(new DryRunIamCredentials(iam).denyAllForUser(user, Estate.context("f-deny")).status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(iam.listUserPolicies(r -> r.userName(user)).policyNames()).isEmpty();

        assertThat(credentials.denyAllForUser(user, Estate.context("f-deny")).status()).isEqualTo(ActionStatus.EXECUTED);
        String doc = URLDecoder.decode(iam.getUserPolicy(r -> r.userName(user).policyName("vigil-deny-all")).policyDocument(), StandardCharsets.UTF_8);
        assertThat(doc).contains("\"Effect\":\"Deny\"", "\"Action\":\"*\"", "\"Resource\":\"*\"");
        assertThat(credentials.denyAllForUser(user, Estate.context("f-deny")).status()).isEqualTo(ActionStatus.SKIPPED);
    }

    @Test
    void revokesRoleSessionsIssuedBeforeNowUnlessAlreadyRevokedForTheFinding() {
        String role = "app-" + UUID.randomUUID().toString().substring(0, 8);
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument("{}"));
        IamCredentials credentials = new IamCredentials(iam);
        ActionContext ctx = new ActionContext("case-test", "f-role", "pb", "key", Duration.ofMinutes(1), Instant.now().minusSeconds(60));

        Outcome done = credentials.revokeRoleSessions(role, ctx);

        assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
        String doc = URLDecoder.decode(iam.getRolePolicy(r -> r.roleName(role).policyName("vigil-revoke-older-sessions")).policyDocument(),
                StandardCharsets.UTF_8);
        assertThat(doc).contains("aws:TokenIssueTime", done.details().get("revoked_before"));
        assertThat(credentials.revokeRoleSessions(role, ctx).status()).isEqualTo(ActionStatus.SKIPPED);
        ActionContext later = new ActionContext("case-test", "f-role-2", "pb", "key2", Duration.ofMinutes(1), Instant.now().plusSeconds(60));
        assertThat(credentials.revokeRoleSessions(role, later).status()).isEqualTo(ActionStatus.EXECUTED);
    }

    private StatusType status(String key) {
        return iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata().stream()
                .filter(k -> k.accessKeyId().equals(key)).findFirst().orElseThrow().status();
    }
}
