package io.vigil.streams.dlq;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.wire.WireFormat;
import io.vigil.schemas.wire.WireFormats;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the topology cannot decode or process goes to {@code <topic>.dlq} with the reason and its
 * topic/partition/offset, and processing goes on: one bad record must never stop detection. The
 * dead letter is written in the same transaction as the topology's output (exactly-once).
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int PAYLOAD_CUT = 256 * 1024;
    private WireFormat wire;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> mine = new java.util.HashMap<>();
        configs.forEach((k, v) -> {
            if (WireFormats.CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        wire = WireFormats.fromConfig(mine);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
        return DeserializationExceptionHandler.Response.resume(List.of(letter(ctx, "undecodable", e, record.key(), record.value())));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
        return ProcessingExceptionHandler.Response.resume(List.of(letter(ctx, "processing_failed", e, ctx.sourceRawKey(), ctx.sourceRawValue())));
    }

    private ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext ctx, String reason, Exception e, byte[] key, byte[] value) {
        byte[] payload = value == null ? new byte[0] : value;
        String topic = ctx.topic() == null ? "unknown" : ctx.topic();
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason(reason)
                .setDetail(e.getClass().getSimpleName() + ": " + e.getMessage())
                .setSource(topic)
                .setPosition("partition " + ctx.partition() + " offset " + ctx.offset())
                .setSourceTopic(topic)
                .setSourcePartition(ctx.partition())
                .setSourceOffset(ctx.offset())
                .setPayload(ByteBuffer.wrap(payload, 0, Math.min(payload.length, PAYLOAD_CUT)).slice())
                .setPayloadLength(payload.length)
                .setPayloadTruncated(payload.length > PAYLOAD_CUT)
                .setFailedAt(Instant.ofEpochMilli(Math.max(0, ctx.timestamp())))
                .build();
        String dlq = Topics.dlq(topic).name();
        LOG.warn("dead-lettered {} partition {} offset {} to {}: {}", topic, ctx.partition(), ctx.offset(), dlq, reason);
        return new ProducerRecord<>(dlq, null, key, wire.encode(dlq, letter));
    }
}
