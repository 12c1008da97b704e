package io.vigil.responders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.ForensicTarget;
import io.vigil.schemas.ActionStatus;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * Evidence to the forensic account against moto_server: the finding's snapshot is copied with the forensic
 * KMS key (a real key created in moto's KMS) and the copy shared with the forensic account, as DescribeSnapshots
 * and DescribeSnapshotAttribute show; a second run makes no second copy. (moto records the copy's KmsKeyId but
 * keeps the source's Encrypted flag, so the test asserts the key, not the flag.)
 */
@ExtendWith(MotoExtension.class)
class ForensicCopyMotoTest {
    private static final String FORENSIC_ACCOUNT = "111122223333";

    @Test
    void copiesReEncryptedAndSharesOnceAndDryRunChangesNothing(MotoServer moto) throws Exception {
        try (Estate estate = new Estate(moto.endpoint())) {
            String keyArn = createKmsKey(moto.endpoint());
            ForensicTarget target = new ForensicTarget(FORENSIC_ACCOUNT, keyArn);
            String instance = estate.instance("/dev/sda1");
            ActionContext ctx = Estate.context("f-forensic");
            assertThatThrownBy(() -> new Ec2ForensicCopies(estate.aws.ec2(), Optional.of(target)).copyToForensics(instance, ctx))
                    .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("the evidence was not captured");
            new Ec2Snapshots(estate.aws.ec2()).snapshotVolumes(instance, ctx);
            String source = estate.snapshots(instance).get(0).snapshotId();

            Outcome planned = new DryRunEc2ForensicCopies(estate.aws.ec2(), Optional.of(target)).copyToForensics(instance, ctx);
            assertThat(planned.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(planned.plan()).contains("ec2:CopySnapshot " + source + " Encrypted=true KmsKeyId=" + keyArn,
                    "CreateVolumePermission add UserId=" + FORENSIC_ACCOUNT);
            assertThat(copies(estate, source)).isEmpty();

            Outcome done = new Ec2ForensicCopies(estate.aws.ec2(), Optional.of(target)).copyToForensics(instance, ctx);

            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            Snapshot copy = copies(estate, source).get(0);
            assertThat(done.details()).containsEntry("copy." + source, copy.snapshotId()).containsEntry("shared_with", FORENSIC_ACCOUNT);
            assertThat(copy.kmsKeyId()).isEqualTo(keyArn);
            assertThat(estate.aws.ec2().describeSnapshotAttribute(r -> r.snapshotId(copy.snapshotId()).attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION))
                    .createVolumePermissions()).anyMatch(p -> FORENSIC_ACCOUNT.equals(p.userId()));

            Outcome again = new Ec2ForensicCopies(estate.aws.ec2(), Optional.of(target)).copyToForensics(instance, ctx);
            assertThat(again.status()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(copies(estate, source)).hasSize(1);
            assertThat(new Ec2ForensicCopies(estate.aws.ec2(), Optional.empty()).copyToForensics(instance, ctx).plan())
                    .startsWith("no forensic account configured");
        }
    }

    private static List<Snapshot> copies(Estate estate, String source) {
        return estate.aws.ec2().describeSnapshots(r -> r.ownerIds("self").filters(Filter.builder().name("tag:vigil:copy-of").values(source).build()))
                .snapshots();
    }

    /** KMS CreateKey in moto over its JSON protocol (the SDK's KMS module is not a dependency of Vigil). */
    static String createKmsKey(URI endpoint) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService.CreateKey")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + Estate.REGION + "/kms/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Description\": \"Vigil forensic key\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("KeyMetadata").path("Arn").asText();
    }
}
