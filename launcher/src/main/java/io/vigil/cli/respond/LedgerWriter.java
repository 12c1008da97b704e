package io.vigil.cli.respond;

import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes ledger entries and approvals, each acknowledged by the brokers before the command goes on. */
final class LedgerWriter implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final WireFormat wire;

    LedgerWriter(KafkaRuntime runtime) {
        Map<String, Object> props = new HashMap<>(runtime.clientProps());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.wire = runtime.wire();
    }

    void write(ResponseAction a) {
        send(new ProducerRecord<>(Topics.RESPONSE_ACTIONS.name(), Topics.actionKey(a), wire.encode(Topics.RESPONSE_ACTIONS.name(), a)));
    }

    void write(ResponseApproval a) {
        send(new ProducerRecord<>(Topics.RESPONSE_APPROVALS.name(), Topics.approvalKey(a), wire.encode(Topics.RESPONSE_APPROVALS.name(), a)));
    }

    private void send(ProducerRecord<String, byte[]> r) {
        try {
            producer.send(r).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + r.topic() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + r.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
