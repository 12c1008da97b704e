package io.vigil.schemas.wire;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Twin of {@link WireRoundTripIntegrationTest} against Apache Kafka's own image in a container, so the
 * embedded broker is checked against the real deployment artefact. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class WireRoundTripContainerTest {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void everyTypeRoundTripsInSingleObjectEncoding() throws Exception {
        WireRoundTripIntegrationTest.roundTrip(KAFKA.getBootstrapServers(), new SingleObjectWireFormat(), "tc");
    }
}
