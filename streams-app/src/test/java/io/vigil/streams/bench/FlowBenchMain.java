package io.vigil.streams.bench;

import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.schemas.wire.SingleObjectWireFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * A developer's harness, not part of the test suite: the flow benchmark on a temporary embedded broker
 * in this JVM. Arguments: the number of records (default 300,000), then any {@code key=value} client or
 * streams properties to try (e.g. {@code commit.interval.ms=1000}).
 */
public final class FlowBenchMain {
    private FlowBenchMain() {}

    public static void main(String[] args) {
        long records = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 300_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            Map<String, Object> props = new HashMap<>();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            for (int i = 1; i < args.length; i++) {
                props.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
            FlowBench.run(props, new SingleObjectWireFormat(), records).lines().forEach(System.out::println);
        }
    }
}
