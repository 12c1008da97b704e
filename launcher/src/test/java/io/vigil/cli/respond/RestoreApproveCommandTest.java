package io.vigil.cli.respond;

import io.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.responders.kafka.LedgerReader;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;

/**
 * The operator's way back, through the commands: respond --execute contains an instance in moto_server;
 * restore (dry run) prints the calls and changes nothing; restore --execute requests; the requester's own
 * approval is refused (four eyes); another person's approval and a second restore --execute put the
 * instance's security group back, as the EC2 API shows.
 */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class RestoreApproveCommandTest {

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void containRestoreApproveAndRestoreAgain(EmbeddedKafka kafka, MotoServer moto, @TempDir Path dir) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String endpoint = moto.endpoint().toString();
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.7.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.7.1.0/24")).subnet().subnetId();
            String web = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
            String instance = ec2.runInstances(r -> r.imageId("ami-12c6146b").minCount(1).maxCount(1).subnetId(subnet).securityGroupIds(web))
                    .instances().get(0).instanceId();
            Path findings = Files.writeString(dir.resolve("findings.jsonl"), """
                    {"id": "cli-exfil-1", "kind": "anomaly", "detector": "flow.exfiltration", "severity": "CRITICAL", "entity": "%s",
                     "event_time": "2026-01-01T00:00:00Z", "detected_at": "2026-01-01T00:00:05Z", "attack": ["T1041"], "summary": "sent 40 GB out",
                     "evidence": {"observed": {}, "baseline": {}}, "sources": []}
                    """.formatted(instance).replace("\n", " ") + "\n");
            String caseId = "case-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("cli-exfil-1".getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
            String[] aws = {"--endpoint-url", endpoint, "--region", "us-east-1", "--bootstrap-servers", bootstrap};

            CliRun.Result contained = CliRun.run(concat(new String[] {"respond", "--findings", findings.toString(), "--execute"}, aws));
            assertThat(contained.rc()).as(contained.err()).isZero();
            assertThat(groups(ec2, instance)).doesNotContain(web);

            CliRun.Result dry = CliRun.run(concat(new String[] {"restore", caseId, "--by", "alice"}, aws));
            assertThat(dry.rc()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("restore PLANNED (dry run) instance.restore -> " + instance, "ec2:ModifyInstanceAttribute " + instance + " Groups=[" + web + "]");
            assertThat(groups(ec2, instance)).doesNotContain(web);

            CliRun.Result requested = CliRun.run(concat(new String[] {"restore", caseId, "--by", "alice", "--execute"}, aws));
            assertThat(requested.rc()).as(requested.err()).isZero();
            assertThat(requested.out()).contains("restore REQUESTED instance.restore -> " + instance, "1 restore(s) await approval");
            Ledger ledger = LedgerReader.read(Map.of("bootstrap.servers", bootstrap), new SingleObjectWireFormat());
            List<ResponseAction> waiting = ledger.awaitingApproval();
            assertThat(waiting).hasSize(1);
            String key = waiting.get(0).getIdempotencyKey();

            CliRun.Result listed = CliRun.run("approve", "--bootstrap-servers", bootstrap);
            assertThat(listed.out()).contains("1 action(s) await approval", key, "requested by alice (four eyes)");
            CliRun.Result own = CliRun.run("approve", key.substring(0, 12), "--by", "alice", "--bootstrap-servers", bootstrap);
            assertThat(own.rc()).isEqualTo(2);
            assertThat(own.err()).contains("four eyes: alice requested this action and cannot also approve it");
            CliRun.Result bob = CliRun.run("approve", key.substring(0, 12), "--by", "bob", "--comment", "INC-7 closed", "--bootstrap-servers", bootstrap);
            assertThat(bob.rc()).as(bob.err()).isZero();
            assertThat(bob.out()).contains("approved instance.restore " + key, "by bob");

            CliRun.Result restored = CliRun.run(concat(new String[] {"restore", caseId, "--by", "alice", "--execute"}, aws));
            assertThat(restored.rc()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("restore REVERTED instance.restore -> " + instance);
            assertThat(groups(ec2, instance)).containsExactly(web);
            ResponseAction reverted = LedgerReader.read(Map.of("bootstrap.servers", bootstrap), new SingleObjectWireFormat())
                    .entry(key, ActionStatus.REVERTED).orElseThrow();
            assertThat(reverted.getApprovals()).singleElement().satisfies(a -> {
                assertThat(a.getApprover()).isEqualTo("bob");
                assertThat(a.getComment()).isEqualTo("INC-7 closed");
            });
        }
    }

    private static List<String> groups(Ec2Client ec2, String instance) {
        return ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0).securityGroups().stream()
                .map(GroupIdentifier::groupId).toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
