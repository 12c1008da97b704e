package io.vigil.cli.respond;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.CliRun;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.responders.kafka.LedgerReader;
import io.vigil.responders.ledger.Ledger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.json.FindingJson;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Drift revert end to end, through the commands, against moto_server: a security group opened to 0.0.0.0/0 on
 * port 22 and the drift.config finding saying so; respond (dry run) prints the revoke and changes nothing;
 * respond --execute only requests it; once someone approves, restore --execute carries it out and the EC2 API
 * shows the rule gone (the baseline's rule kept); asking for a restore then requests the undo of the revert; case show
 * lists the finding, the steps, the approval and the undo request (table and JSON), and names an unknown case.
 */
@ExtendWith({EmbeddedKafkaExtension.class, MotoExtension.class})
class DriftRevertCommandTest {

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
    void sshOpenedToTheWorldIsRevertedOnlyAfterApproval(EmbeddedKafka kafka, MotoServer moto, @TempDir Path dir) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.8.0.0/16")).vpc().vpcId();
            String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(443, "10.0.0.0/8")));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(rule(22, "0.0.0.0/0")));
            // as drift.config reports it: AWS Config lists the group's rules as EC2 does, the new one second
            Path findings = Files.writeString(dir.resolve("findings.jsonl"), """
                    {"id": "drift-ssh-1", "kind": "drift", "detector": "drift.config", "severity": "HIGH", "entity": "%1$s",
                     "event_time": "2026-01-01T00:00:00Z", "detected_at": "2026-01-01T00:00:00Z", "attack": ["T1562.007"],
                     "summary": "AWS::EC2::SecurityGroup %1$s drifted from its baseline in 5 setting(s); it is now risky: port 22 open to the whole internet",
                     "evidence": {"observed": {"ipPermissions[1].fromPort": "22", "ipPermissions[1].ipProtocol": "tcp",
                       "ipPermissions[1].ipRanges[0]": "0.0.0.0/0", "ipPermissions[1].ipv4Ranges[0].cidrIp": "0.0.0.0/0",
                       "ipPermissions[1].toPort": "22", "changed_settings": "5",
                       "risk.sg_admin_port_open_to_world": "port 22 open to the whole internet", "resource_type": "AWS::EC2::SecurityGroup",
                       "capture_time": "2026-01-01T00:00:00Z"},
                      "baseline": {"ipPermissions[1].fromPort": "(absent)", "ipPermissions[1].ipProtocol": "(absent)",
                       "ipPermissions[1].ipRanges[0]": "(absent)", "ipPermissions[1].ipv4Ranges[0].cidrIp": "(absent)",
                       "ipPermissions[1].toPort": "(absent)", "baseline_captured": "2025-12-01T00:00:00Z",
                       "baseline_source": "learned: the first configuration seen"},
                      "reason": "the change left the resource in a risky state"}, "sources": []}
                    """.formatted(sg).replace("\n", " ") + "\n");
            String caseId = "case-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("drift-ssh-1".getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
            String[] aws = {"--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1", "--bootstrap-servers", bootstrap};
            String revoke = "ec2:RevokeSecurityGroupIngress GroupId=" + sg + " IpProtocol=tcp FromPort=22 ToPort=22 CidrIp=0.0.0.0/0";

            CliRun.Result dry = CliRun.run(concat(new String[] {"respond", "--findings", findings.toString()}, aws));
            assertThat(dry.rc()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("action PLANNED (dry run) config.revert -> " + sg + ": " + revoke);
            assertThat(ingress(ec2, sg)).containsExactly("tcp 22 0.0.0.0/0", "tcp 443 10.0.0.0/8");

            CliRun.Result requested = CliRun.run(concat(new String[] {"respond", "--findings", findings.toString(), "--execute"}, aws));
            assertThat(requested.rc()).as(requested.err()).isZero();
            assertThat(requested.out()).contains("action REQUESTED config.revert -> " + sg + ": awaiting approval");
            assertThat(ingress(ec2, sg)).as("nothing changes before an approval").containsExactly("tcp 22 0.0.0.0/0", "tcp 443 10.0.0.0/8");
            Ledger ledger = LedgerReader.read(Map.of("bootstrap.servers", bootstrap), new SingleObjectWireFormat());
            ResponseAction request = ledger.awaitingApproval().stream().filter(a -> a.getActionType().equals("config.revert")).findFirst().orElseThrow();

            CliRun.Result bob = CliRun.run("approve", request.getIdempotencyKey(), "--by", "bob", "--comment", "CHG-12 never approved SSH", "--bootstrap-servers", bootstrap);
            assertThat(bob.rc()).as(bob.err()).isZero();
            assertThat(bob.out()).contains("or now with: vigil restore " + caseId + " --execute");

            CliRun.Result reverted = CliRun.run(concat(new String[] {"restore", caseId, "--by", "alice", "--execute"}, aws));
            assertThat(reverted.rc()).as(reverted.err()).isZero();
            assertThat(reverted.out()).contains("restore REVERTED config.revert -> " + sg + ": " + revoke);
            assertThat(ingress(ec2, sg)).containsExactly("tcp 443 10.0.0.0/8");

            CliRun.Result undo = CliRun.run(concat(new String[] {"restore", caseId, "--by", "alice", "--execute"}, aws));
            assertThat(undo.rc()).as(undo.err()).isZero();
            assertThat(undo.out()).contains("restore REQUESTED config.restore -> " + sg);
            assertThat(ingress(ec2, sg)).containsExactly("tcp 443 10.0.0.0/8");

            publishFinding(bootstrap, Files.readString(findings));
            CliRun.Result shown = CliRun.run("case", "show", caseId, "--bootstrap-servers", bootstrap);
            assertThat(shown.rc()).as(shown.err()).isZero();
            assertThat(shown.out()).contains("case " + caseId + ": 1 finding(s), ", "custody: 0 record(s), none",
                    "finding   HIGH", "drift.config on " + sg, "configuration-drift/revert config.revert -> " + sg, "REQUESTED", "REVERTED",
                    "approval  APPROVED", "bob", "CHG-12 never approved SSH", "restore/restore-revert config.restore -> " + sg);
            JsonNode json = new ObjectMapper().readTree(CliRun.run("case", "show", caseId, "--format", "json", "--bootstrap-servers", bootstrap).out());
            assertThat(json.path("findings").get(0).path("id").asText()).isEqualTo("drift-ssh-1");
            assertThat(json.path("events").findValuesAsText("kind")).contains("finding", "action", "approval");
            CliRun.Result unknown = CliRun.run("case", "show", "case-0000000000000000", "--bootstrap-servers", bootstrap);
            assertThat(unknown.rc()).isEqualTo(2);
            assertThat(unknown.err()).contains("case case-0000000000000000: no entry on response.actions has this case_id");
        }
    }

    private static void publishFinding(String bootstrap, String line) throws Exception {
        Finding f = FindingJson.fromJson(line.strip());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.FINDINGS.name(), f.getEntity(), new SingleObjectWireFormat().encode(Topics.FINDINGS.name(), f))).get();
        }
    }

    private static IpPermission rule(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(r -> r.cidrIp(cidr)).build();
    }

    private static List<String> ingress(Ec2Client ec2, String sg) {
        return ec2.describeSecurityGroups(r -> r.groupIds(sg)).securityGroups().get(0).ipPermissions().stream()
                .flatMap(p -> p.ipRanges().stream().map(c -> p.ipProtocol() + " " + p.fromPort() + " " + c.cidrIp())).sorted().toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
