package io.vigil.cli.kafka;

import io.vigil.schemas.topics.TopicSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes one operator's record (an approval, a suppression) and waits until every in-sync replica has it. */
public final class OneRecord {
    private OneRecord() {}

    /** @param value null writes a tombstone; @param timestamp null lets the producer stamp it */
    public static <V extends SpecificRecord> void send(KafkaRuntime runtime, TopicSpec<V> topic, Long timestamp, String key, V value) throws Exception {
        Map<String, Object> props = new HashMap<>(runtime.clientProps());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), topic.valueSerde(runtime.wire()).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp, key, value)).get();
        }
    }
}
