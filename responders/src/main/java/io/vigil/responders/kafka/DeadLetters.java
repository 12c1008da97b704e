package io.vigil.responders.kafka;

import io.vigil.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The dead letter of a {@code findings} record the responders could not read or answer. */
final class DeadLetters {
    /** Enough of the payload to recognise it; the full record stays on {@code findings} at the given offset. */
    static final int PAYLOAD_CUT_AT = 64 * 1024;

    private DeadLetters() {}

    static DeadLetter of(ConsumerRecord<String, byte[]> rec, String reason, String detail, String format) {
        byte[] payload = rec.value() == null ? new byte[0] : rec.value();
        byte[] kept = payload.length > PAYLOAD_CUT_AT ? Arrays.copyOf(payload, PAYLOAD_CUT_AT) : payload;
        return DeadLetter.newBuilder()
                .setReason(reason)
                .setDetail(detail == null ? "" : detail)
                .setSource(rec.topic())
                .setPosition("partition " + rec.partition() + " offset " + rec.offset())
                .setFormat(format)
                .setSourceTopic(rec.topic())
                .setSourcePartition(rec.partition())
                .setSourceOffset(rec.offset())
                .setPayload(ByteBuffer.wrap(kept))
                .setPayloadLength(payload.length)
                .setPayloadTruncated(kept.length < payload.length)
                .setFailedAt(Instant.now())
                .build();
    }
}
