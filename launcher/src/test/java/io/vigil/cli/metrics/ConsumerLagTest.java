package io.vigil.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lag gauge reads what the consumer itself knows: records behind the end of its partitions. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ConsumerLagTest {
    @Test
    void theGaugeShowsTheRecordsNotYetConsumed(EmbeddedKafka broker) throws Exception {
        Map<String, Object> props = new HashMap<>(broker.clientProps());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic("lagging", 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("lagging", i % 2, "k", "v" + i)).get();
            }
        }
        props.put("max.poll.records", 1);
        props.put("group.id", "lag-test");
        props.put("auto.offset.reset", "earliest");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("lagging", 0), new TopicPartition("lagging", 1)));
            ConsumerLag.bind(registry, "lag-test", List.of("lagging", "other"), consumer::metrics);
            int[] consumed = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumed[0] += consumer.poll(Duration.ofMillis(100)).count();
                return consumed[0] >= 1 && registry.get("vigil_consumer_lag_records").tag("topic", "lagging").gauge().value() > 0;
            });
            double lag = registry.get("vigil_consumer_lag_records").tag("topic", "lagging").tag("group", "lag-test").gauge().value();
            assertThat(lag).isBetween(1.0, 10.0 - consumed[0]);
            assertThat(registry.get("vigil_consumer_lag_records").tag("topic", "other").gauge().value()).isZero();
        }
    }
}
