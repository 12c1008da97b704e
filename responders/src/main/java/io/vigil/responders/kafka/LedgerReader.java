package io.vigil.responders.kafka;

import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ledger ({@code response.actions}) and the approvals ({@code response.approvals}) from their
 * beginning to their current end, without a consumer group, into a {@link Ledger}. Tombstones and records
 * that do not decode are skipped (and logged): the ledger is evidence, a bad record must not hide the rest.
 */
public final class LedgerReader {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerReader.class);

    private LedgerReader() {}

    public static Ledger read(Map<String, Object> kafkaProps, WireFormat wire) {
        Ledger ledger = new Ledger();
        readTo(kafkaProps, wire, Topics.RESPONSE_ACTIONS, ResponseAction.class, ledger::record);
        readTo(kafkaProps, wire, Topics.RESPONSE_APPROVALS, ResponseApproval.class, ledger::record);
        return ledger;
    }

    static <V extends org.apache.avro.specific.SpecificRecord> void readTo(Map<String, Object> kafkaProps, WireFormat wire, TopicSpec<?> topic, Class<V> type, Consumer<V> sink) {
        try (KafkaConsumer<String, byte[]> c = consumer(kafkaProps)) {
            List<TopicPartition> partitions = c.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    decode(wire, r, type).ifPresent(sink);
                }
            }
        }
    }

    static <V extends org.apache.avro.specific.SpecificRecord> java.util.Optional<V> decode(WireFormat wire, ConsumerRecord<String, byte[]> r, Class<V> type) {
        if (r.value() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(wire.decode(r.topic(), r.value(), type));
        } catch (RuntimeException e) {
            LOG.warn("skipped an undecodable record on {} partition {} offset {}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    static KafkaConsumer<String, byte[]> consumer(Map<String, Object> kafkaProps) {
        Map<String, Object> props = new HashMap<>(kafkaProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
