package io.vigil.streams.api;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.streams.baseline.TestFlows;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/** Inputs for the baseline API tests: a few hosts, their flows, one principal, one security group. */
final class ApiFixtures {
    static final WireFormat WIRE = new SingleObjectWireFormat();
    static final String PRINCIPAL = "arn:aws:iam::123456789012:user/alice";
    static final String RESOURCE = "AWS::EC2::SecurityGroup/sg-1";
    private static final Instant T = TestFlows.T0;

    private ApiFixtures() {}

    /** {@code n} names with the prefix whose string keys cover every one of {@code partitions} partitions. */
    static List<String> spread(String prefix, int n, int partitions) {
        List<String> out = new ArrayList<>();
        boolean[] covered = new boolean[partitions];
        for (int i = 0; out.size() < n || !all(covered); i++) {
            String name = prefix + i;
            int p = Utils.toPositive(Utils.murmur2(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
            if (out.size() < n || !covered[p]) {
                out.add(name);
                covered[p] = true;
            }
        }
        return out;
    }

    private static boolean all(boolean[] b) {
        for (boolean x : b) {
            if (!x) {
                return false;
            }
        }
        return true;
    }

    static HostInventory listening(String host, String instanceId, int port) {
        return HostInventory.newBuilder().setHostIdentifier(host).setHostname(host + ".internal").setInstanceId(instanceId).setQueryName("listening_ports")
                .setKind(InventoryKind.LISTENING_PORT).setAction(InventoryAction.SNAPSHOT).setEventTime(T).setPort(port).setProtocol(6)
                .setAddress("0.0.0.0").setProcessName("sshd").setColumns(Map.of()).setOrigin(new Origin("test", "line 1", "osquery", T)).build();
    }

    static AuditEvent audit() {
        return AuditEvent.newBuilder().setEventId("e-1").setEventTime(T).setEventSource("s3.amazonaws.com").setEventName("ListBuckets")
                .setPrincipalType("IAMUser").setPrincipalArn(PRINCIPAL).setPrincipalAccount("123456789012").setSourceIp("198.51.100.7")
                .setAwsRegion("eu-west-1").setUserAgent("aws-cli/2").setRaw("{}").setOrigin(new Origin("test", "record 1", "cloudtrail", T)).build();
    }

    static ConfigChange config() {
        return ConfigChange.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId("sg-1").setAccountId("123456789012")
                .setCaptureTime(T).setStatus("ResourceDiscovered").setConfiguration("{\"groupId\":\"sg-1\",\"ipPermissions\":[]}").setStateId("1")
                .setRaw("{}").setOrigin(new Origin("t", "r", "awsconfig", T)).build();
    }

    static FlowRecord flowOf(String instanceId) {
        return TestFlows.flow("10.0.0.5", 40000, "10.0.1.10", 5432).direction("egress").instance(instanceId).iface("eni-" + instanceId).build();
    }

    static void produce(String bootstrap, List<String> hosts, List<String> instances) {
        Map<String, Object> client = Map.of("bootstrap.servers", bootstrap);
        try (var inventory = new KafkaProducer<>(client, Topics.INVENTORY_HOST.keySerde().serializer(), Topics.INVENTORY_HOST.valueSerde(WIRE).serializer());
             var flows = new KafkaProducer<>(client, Topics.FLOWS_RAW.keySerde().serializer(), Topics.FLOWS_RAW.valueSerde(WIRE).serializer());
             var audit = new KafkaProducer<>(client, Topics.AUDIT_EVENTS.keySerde().serializer(), Topics.AUDIT_EVENTS.valueSerde(WIRE).serializer());
             var config = new KafkaProducer<>(client, Topics.CONFIG_CHANGES.keySerde().serializer(), Topics.CONFIG_CHANGES.valueSerde(WIRE).serializer())) {
            for (int i = 0; i < hosts.size(); i++) {
                HostInventory row = listening(hosts.get(i), instances.get(i), 22);
                inventory.send(new ProducerRecord<>(Topics.INVENTORY_HOST.name(), null, T.toEpochMilli(), hosts.get(i) + "|LISTENING_PORT|6:0.0.0.0:22", row));
            }
            for (String instance : instances) {
                FlowRecord f = flowOf(instance);
                flows.send(new ProducerRecord<>(Topics.FLOWS_RAW.name(), null, T.toEpochMilli(), f.getInterfaceId(), f));
            }
            audit.send(new ProducerRecord<>(Topics.AUDIT_EVENTS.name(), null, T.toEpochMilli(), PRINCIPAL, audit()));
            config.send(new ProducerRecord<>(Topics.CONFIG_CHANGES.name(), null, T.toEpochMilli(), RESOURCE, config()));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
