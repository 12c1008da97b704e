package io.vigil.streams.bench;

import java.util.List;

/**
 * What {@code vigil bench flows} measured, start to finish, over the same {@code records} flow records:
 * a plain consumer reading them (a), one that also decodes each (a'), and the full flow topology
 * under exactly-once (b, measured after warm-up passes, with the JIT's work during it: {@code jit}); the findings the
 * measured pass raised and the state it kept per entity; the process's CPU time per record in each; and
 * the latency from record append to finding append at half of (b)'s rate.
 */
public record FlowBenchResult(long records, int partitions, double consumerRecordsPerSecond, double decodingConsumerRecordsPerSecond,
                              Jit jit, double streamsRecordsPerSecond, long findings, long entities, long stateBytesPerEntity,
                              Cpu cpu, LatencyPass.Outcome latency) {

    /** Microseconds of the whole process's CPU time per record: consumer, decoding consumer, flow topology. */
    public record Cpu(double consumerMicros, double decodingConsumerMicros, double streamsMicros) {}

    /** Warm-up passes before the measured topology pass; JIT compilation time during it, and its wall time. */
    public record Jit(int warmupPasses, long compileMillis, long passMillis) {}

    /** b / a: the streams topology against a consumer that only reads. */
    public double ratio() {
        return streamsRecordsPerSecond / consumerRecordsPerSecond;
    }

    /** b / a': the streams topology against a consumer that reads and decodes. */
    public double decodingRatio() {
        return streamsRecordsPerSecond / decodingConsumerRecordsPerSecond;
    }

    public double latencyP50Millis() {
        return latency.p50Millis();
    }

    public double latencyP99Millis() {
        return latency.p99Millis();
    }

    /** The report to print; the last two lines are the ratios, the last one b / a. */
    public List<String> lines() {
        return List.of(
                String.format("records: %d (%d partitions)", records, partitions),
                String.format("consumer (after a warming pass): %.0f records/s", consumerRecordsPerSecond),
                String.format("decoding consumer: %.0f records/s", decodingConsumerRecordsPerSecond),
                String.format("flow topology (exactly_once_v2, after %d warm-up passes): %.0f records/s", jit.warmupPasses(),
                        streamsRecordsPerSecond),
                String.format("JIT compilation during the measured topology pass: %d ms in %d ms", jit.compileMillis(), jit.passMillis()),
                String.format("CPU per record, whole process (broker included): consumer %.2f us, decoding consumer %.2f us, flow topology %.2f us",
                        cpu.consumerMicros(), cpu.decodingConsumerMicros(), cpu.streamsMicros()),
                String.format("findings: %d", findings),
                String.format("state: %d entities, %d bytes per entity", entities, stateBytesPerEntity),
                String.format("latency append to finding at %.0f records/s offered (half the measured maximum; %d records, %d findings):"
                        + " p50 %.0f ms, p99 %.0f ms", latency.offeredPerSecond(), latency.records(), latency.findings(), latency.p50Millis(),
                        latency.p99Millis()),
                String.format("ratio streams/decoding-consumer: %.2f", decodingRatio()),
                String.format("ratio streams/consumer: %.2f", ratio()));
    }
}
