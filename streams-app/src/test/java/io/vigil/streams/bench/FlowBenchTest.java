package io.vigil.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The benchmark end to end on a real broker, for a small N: it completes and reports; timings are not judged. */
@ExtendWith(EmbeddedKafkaExtension.class)
class FlowBenchTest {

    @Test
    void runsEndToEnd(EmbeddedKafka kafka) {
        FlowBenchResult r = FlowBench.run(Map.of("bootstrap.servers", kafka.bootstrapServers()), new SingleObjectWireFormat(), 6_000);
        assertThat(r.records()).isEqualTo(6_000);
        assertThat(r.consumerRecordsPerSecond()).isPositive();
        assertThat(r.decodingConsumerRecordsPerSecond()).isPositive();
        assertThat(r.streamsRecordsPerSecond()).isPositive();
        assertThat(r.findings()).isPositive();
        assertThat(r.entities()).isGreaterThanOrEqualTo(500);
        assertThat(r.stateBytesPerEntity()).isPositive();
        assertThat(r.cpu().streamsMicros()).isPositive();
        assertThat(r.latency().findings()).isPositive();
        assertThat(r.latencyP99Millis()).isGreaterThanOrEqualTo(r.latencyP50Millis()).isGreaterThanOrEqualTo(0);
        assertThat(r.lines().get(r.lines().size() - 1)).startsWith("ratio streams/consumer: ");
        r.lines().forEach(System.out::println);
    }
}
