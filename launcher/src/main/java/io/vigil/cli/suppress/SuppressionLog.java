package io.vigil.cli.suppress;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.OneRecord;
import io.vigil.cli.kafka.TopicReader;
import io.vigil.schemas.Suppression;
import io.vigil.schemas.topics.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads and writes the suppressions topic: the latest record per id is the suppression, a tombstone lifts it. */
final class SuppressionLog {
    private SuppressionLog() {}

    /** The suppressions in force on the topic, by id, in the order they were last written. */
    static Map<String, Suppression> current(KafkaRuntime runtime) {
        Map<String, Suppression> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, Suppression> r : TopicReader.read(runtime.clientProps(), runtime.wire(), Topics.SUPPRESSIONS, Map.of())) {
            out.remove(r.key());
            if (r.value() != null) {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    /** Writes {@code value} (null: a tombstone) under {@code id}, and waits for the broker's acknowledgement. */
    static void write(KafkaRuntime runtime, String id, Suppression value) throws Exception {
        OneRecord.send(runtime, Topics.SUPPRESSIONS, null, id, value);
    }
}
