package io.vigil.cli.baseline;

import io.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil baseline approve} publishes the resource's latest configuration, or a file's, to baseline.approved with who and why. */
@ExtendWith(EmbeddedKafkaExtension.class)
class BaselineApproveCommandTest {
    private static final Instant T = Instant.parse("2024-08-05T00:00:00Z");
    private static final String SG = "sg-0a1b2c3d4e5f60718";
    private static final String KEY = "AWS::EC2::SecurityGroup/" + SG;

    @Test
    void approvesTheLatestConfigurationOrAFile(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
        TopicSetup.ensure(client);
        var wire = new SingleObjectWireFormat();
        try (var producer = new KafkaProducer<>(client, Topics.CONFIG_CHANGES.keySerde().serializer(), Topics.CONFIG_CHANGES.valueSerde(wire).serializer())) {
            for (int i = 0; i < 3; i++) {
                ConfigChange c = ConfigChange.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId(SG).setCaptureTime(T.plusSeconds(60L * i))
                        .setStatus("OK").setStateId(String.valueOf(i)).setConfiguration("{\"groupId\":\"" + SG + "\",\"revision\":" + i + "}").setRaw("{}")
                        .setOrigin(new Origin("test", "item " + i, "awsconfig", T)).build();
                producer.send(new ProducerRecord<>(Topics.CONFIG_CHANGES.name(), null, c.getCaptureTime().toEpochMilli(), KEY, c)).get();
            }
        }

        CliRun.Result latest = CliRun.run("baseline", "approve", "--bootstrap-servers", bootstrap, "--by", "carol", "--reason", "CHG-42", SG);
        assertThat(latest.rc()).as(latest.err()).isZero();
        assertThat(latest.out()).contains("approved " + KEY).contains("carol");

        Path file = Files.writeString(dir.resolve("sg.json"), "{\"groupId\":\"" + SG + "\",\"ipPermissions\":[]}");
        CliRun.Result fromFile = CliRun.run("baseline", "approve", "--bootstrap-servers", bootstrap, "--by", "dave", "--file", file.toString(), KEY);
        assertThat(fromFile.rc()).as(fromFile.err()).isZero();

        CliRun.Result unknown = CliRun.run("baseline", "approve", "--bootstrap-servers", bootstrap, "sg-nothing");
        assertThat(unknown.rc()).isEqualTo(1);
        assertThat(unknown.err()).contains("no configuration of sg-nothing");

        List<ConsumerRecord<String, BaselineApproval>> approvals = TopicReader.read(client, wire, Topics.BASELINE_APPROVED, Map.of());
        assertThat(approvals).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo(KEY));
        BaselineApproval first = approvals.get(0).value();
        assertThat(first.getConfiguration()).contains("\"revision\":2");
        assertThat(first.getApprovedBy()).isEqualTo("carol");
        assertThat(first.getReason()).isEqualTo("CHG-42");
        assertThat(first.getStateId()).isEqualTo("2");
        assertThat(first.getSource()).startsWith("config.changes/").endsWith("/2");
        BaselineApproval second = approvals.get(1).value();
        assertThat(second.getConfiguration()).contains("ipPermissions");
        assertThat(second.getApprovedBy()).isEqualTo("dave");
        assertThat(second.getSource()).startsWith("file:").endsWith("sg.json");
    }
}
