package io.vigil.cli.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.OneRecord;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil baseline approve <resource>}: a person accepts a resource's configuration as its baseline. The
 * configuration is the latest one of the resource on {@code config.changes}, or the JSON file given with
 * {@code --file}; the approval (who, when, why, from where) is published to the compacted
 * {@code baseline.approved} topic, keyed like {@code config.changes}, and the streams app judges the
 * resource's drift against it from then on. The topic keeps the record of who approved what.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approves a resource's configuration as its baseline: the latest one on config.changes, or the JSON file given with --file",
                "(a configuration item, or a bare configuration with --type). Publishes it to baseline.approved; drift is judged against it from then on."})
public final class BaselineApproveCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "RESOURCE", description = "Resource id (e.g. sg-0abc…), resource type/id (AWS::EC2::SecurityGroup/sg-0abc…) or ARN.")
    String resource;

    @Option(names = "--file", paramLabel = "FILE", description = "JSON file: a configuration item (resourceType, resourceId, configuration) or a bare configuration (needs --type).")
    Path file;

    @Option(names = "--type", paramLabel = "TYPE", description = "Resource type, e.g. AWS::EC2::SecurityGroup (with --file holding a bare configuration).")
    String type;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: the user running the command).")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, e.g. a change ticket.")
    String reason;

    @Mixin
    KafkaOptions kafka;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        String approver = by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            Map<String, Object> client = runtime.clientProps();
            TopicSetup.ensure(client);
            Optional<BaselineApproval> approval = file != null ? fromFile(approver) : fromTopic(client, runtime, approver);
            if (approval.isEmpty()) {
                spec.commandLine().getErr().println("vigil baseline approve: no configuration of " + resource + " on " + Topics.CONFIG_CHANGES.name()
                        + " (give one with --file)");
                return 1;
            }
            BaselineApproval a = approval.get();
            String key = a.getResourceType() + "/" + a.getResourceId();
            OneRecord.send(runtime, Topics.BASELINE_APPROVED, a.getApprovedAt().toEpochMilli(), key, a);
            spec.commandLine().getOut().println("approved " + key + " as its baseline (from " + a.getSource()
                    + (a.getCaptureTime() == null ? "" : ", captured " + a.getCaptureTime()) + ") by " + a.getApprovedBy());
            return 0;
        }
    }

    private Optional<BaselineApproval> fromTopic(Map<String, Object> client, KafkaRuntime runtime, String approver) {
        Optional<ConsumerRecord<String, ConfigChange>> latest = TopicReader.read(client, runtime.wire(), Topics.CONFIG_CHANGES, Map.of()).stream()
                .filter(r -> r.value() != null && matches(r.key(), r.value()))
                .filter(r -> r.value().getConfiguration() != null && !r.value().getOversized()
                        && (r.value().getStatus() == null || !r.value().getStatus().startsWith("ResourceDeleted")))
                .max(Comparator.comparing((ConsumerRecord<String, ConfigChange> r) -> r.value().getCaptureTime()).thenComparingLong(ConsumerRecord::offset));
        return latest.map(r -> approval(r.value().getResourceType(), r.value().getResourceId(), r.value().getArn(), r.value().getConfiguration(), approver,
                Topics.CONFIG_CHANGES.name() + "/" + r.partition() + "/" + r.offset(), r.value().getStateId(), r.value().getCaptureTime()));
    }

    private boolean matches(String key, ConfigChange c) {
        return resource.equals(c.getResourceId()) || resource.equals(key) || resource.equals(c.getArn());
    }

    private Optional<BaselineApproval> fromFile(String approver) throws java.io.IOException {
        JsonNode doc = JSON.readTree(Files.readString(file));
        JsonNode item = doc.has("configurationItem") ? doc.get("configurationItem") : doc;
        String source = "file:" + file.toAbsolutePath().normalize();
        if (item.has("configuration") && item.hasNonNull("resourceType") && item.hasNonNull("resourceId")) {
            JsonNode config = item.get("configuration");
            String text = config.isTextual() ? config.asText() : JSON.writeValueAsString(config);
            Instant captured = item.hasNonNull("configurationItemCaptureTime") ? Instant.parse(item.get("configurationItemCaptureTime").asText()) : null;
            String id = item.get("resourceId").asText();
            if (!resource.equals(id) && !resource.equals(item.get("resourceType").asText() + "/" + id) && !resource.equals(item.path("ARN").asText(null))
                    && !resource.equals(item.path("arn").asText(null))) {
                throw new IllegalArgumentException("--file " + file + " is the configuration of " + item.get("resourceType").asText() + "/" + id + ", not of " + resource);
            }
            return Optional.of(approval(item.get("resourceType").asText(), id, item.path("ARN").asText(item.path("arn").asText(null)), text, approver, source,
                    item.path("configurationStateId").isMissingNode() ? null : item.path("configurationStateId").asText(), captured));
        }
        String t = type;
        String id = resource;
        int slash = resource.indexOf('/');
        if (t == null && resource.startsWith("AWS::") && slash > 0) {
            t = resource.substring(0, slash);
            id = resource.substring(slash + 1);
        }
        if (t == null) {
            throw new IllegalArgumentException("--file " + file + " holds a bare configuration: give the resource type with --type or as TYPE/ID");
        }
        return Optional.of(approval(t, id, null, JSON.writeValueAsString(doc), approver, source, null, null));
    }

    private BaselineApproval approval(String resourceType, String id, String arn, String configuration, String approver, String source, String stateId,
                                      Instant captured) {
        return BaselineApproval.newBuilder().setResourceType(resourceType).setResourceId(id).setArn(arn).setConfiguration(configuration)
                .setApprovedBy(approver).setApprovedAt(clock.instant()).setReason(reason).setSource(source).setStateId(stateId).setCaptureTime(captured).build();
    }
}
