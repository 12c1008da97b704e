package io.vigil.collectors.format;

import io.vigil.schemas.topics.TopicSpec;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record decoded from an input, ready to publish: the topic, the key (the entity it is about, which
 * fixes its partition and so its order), the value and its event time (the Kafka record timestamp).
 */
public record Collected<V extends SpecificRecord>(TopicSpec<V> topic, String key, V value, Instant eventTime) {}
