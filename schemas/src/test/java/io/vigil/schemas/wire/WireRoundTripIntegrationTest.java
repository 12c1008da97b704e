package io.vigil.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every Avro type goes through a real broker and comes back equal, in both wire formats. */
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireRoundTripIntegrationTest {
    private LocalSchemaRegistry registry;

    @BeforeAll
    void startRegistry() throws Exception {
        registry = new LocalSchemaRegistry();
    }

    @AfterAll
    void stopRegistry() {
        registry.close();
    }

    @Test
    void everyTypeRoundTripsInSingleObjectEncoding(EmbeddedKafka kafka) throws Exception {
        roundTrip(kafka.bootstrapServers(), new SingleObjectWireFormat(), "so");
    }

    @Test
    void everyTypeRoundTripsInConfluentWireFormat(EmbeddedKafka kafka) throws Exception {
        roundTrip(kafka.bootstrapServers(), new ConfluentWireFormat(new SchemaRegistryClient(registry.url())), "cf");
        assertThat(registry.registerCalls.get()).as("one registration per subject, then cached").isEqualTo(Samples.all().size());
    }

    /** Every sample through the broker at {@code bootstrap} and back; shared with the Testcontainers twin. */
    static void roundTrip(String bootstrap, WireFormat wire, String prefix) throws Exception {
        List<SpecificRecord> samples = Samples.all();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (SpecificRecord r : samples) {
                topics.add(new NewTopic(prefix + "." + r.getSchema().getName(), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SpecificRecord r : samples) {
                String topic = prefix + "." + r.getSchema().getName();
                producer.send(new ProducerRecord<>(topic, wire.encode(topic, r))).get();
            }
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, prefix + "-reader"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(samples.stream().map(r -> prefix + "." + r.getSchema().getName()).toList());
            List<SpecificRecord> back = new ArrayList<>();
            while (back.size() < samples.size()) {
                for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
                    SpecificRecord expected = samples.stream().filter(s -> rec.topic().endsWith("." + s.getSchema().getName())).findFirst().orElseThrow();
                    back.add(wire.decode(rec.topic(), rec.value(), expected.getClass()));
                }
            }
            assertThat(Set.copyOf(back)).isEqualTo(Set.copyOf(samples));
        }
    }
}
