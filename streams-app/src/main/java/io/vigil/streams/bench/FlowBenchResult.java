package io.vigil.streams.bench;

import java.util.List;

/**
 * What {@code vigil bench flows} measured, start to finish, over the same {@code records} flow records:
 * a plain consumer reading them (a), one that also decodes each (a'), and the full flow topology
 * under exactly-once (b, measured after a warm-up pass over {@code warmupRecords}); the findings the
 * measured pass raised and the state it kept per entity.
 */
public record FlowBenchResult(long records, int partitions, double consumerRecordsPerSecond, double decodingConsumerRecordsPerSecond,
                              long warmupRecords, double streamsRecordsPerSecond, long findings, long entities, long stateBytesPerEntity) {

    /** b / a: the streams topology against a consumer that only reads. */
    public double ratio() {
        return streamsRecordsPerSecond / consumerRecordsPerSecond;
    }

    /** b / a': the streams topology against a consumer that reads and decodes. */
    public double decodingRatio() {
        return streamsRecordsPerSecond / decodingConsumerRecordsPerSecond;
    }

    /** The report to print; the last two lines are the ratios, the last one b / a. */
    public List<String> lines() {
        return List.of(
                String.format("records: %d (%d partitions)", records, partitions),
                String.format("consumer (best of two passes): %.0f records/s", consumerRecordsPerSecond),
                String.format("decoding consumer: %.0f records/s", decodingConsumerRecordsPerSecond),
                String.format("flow topology (exactly_once_v2, after a warm-up pass over %d records): %.0f records/s", warmupRecords,
                        streamsRecordsPerSecond),
                String.format("findings: %d", findings),
                String.format("state: %d entities, %d bytes per entity", entities, stateBytesPerEntity),
                String.format("ratio streams/decoding-consumer: %.2f", decodingRatio()),
                String.format("ratio streams/consumer: %.2f", ratio()));
    }
}
