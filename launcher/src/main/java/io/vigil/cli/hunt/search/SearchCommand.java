package io.vigil.cli.hunt.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Ad-hoc search of the input topics (flows, CloudTrail, Config, inventory) for an IP or CIDR, a principal, an access key,",
                "an instance id or any text, between two event times. Matches stream out as found, each with its topic, partition and offset."})
public final class SearchCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (event time, ISO-8601 UTC, inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (exclusive). Default: now.")
    Instant to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--ip", paramLabel = "ADDRESS|CIDR", description = "An address or block, IPv4 or IPv6: flow ends, CloudTrail callers, listening addresses.")
        String ip;

        @Option(names = "--principal", paramLabel = "ARN|NAME", description = "A principal: user or role ARN, user name, principal id, session ARN.")
        String principal;

        @Option(names = "--access-key", paramLabel = "ID", description = "An access key id: calls made with it, and calls that created, listed or deleted it.")
        String accessKey;

        @Option(names = "--instance", paramLabel = "ID", description = "An instance or interface id: its flows, inventory, configuration, and calls from its role.")
        String instance;

        @Option(names = "--text", paramLabel = "TEXT", description = "Any text, case-insensitive, anywhere in a record.")
        String text;

        SearchQuery query() {
            if (ip != null) {
                return new SearchQuery(SearchQuery.Kind.IP, ip);
            }
            if (principal != null) {
                return new SearchQuery(SearchQuery.Kind.PRINCIPAL, principal);
            }
            if (accessKey != null) {
                return new SearchQuery(SearchQuery.Kind.ACCESS_KEY, accessKey);
            }
            return instance != null ? new SearchQuery(SearchQuery.Kind.INSTANCE, instance) : new SearchQuery(SearchQuery.Kind.TEXT, text);
        }
    }

    @Option(names = "--topics", split = ",", paramLabel = "TOPIC", description = "Only these input topics. Default: ${DEFAULT-VALUE}.",
            defaultValue = "flows.raw,audit.events,config.changes,inventory.host")
    List<String> topics;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|table", description = "jsonl (default): one JSON object per match; table: one line each.")
    String format;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Stop after N matches (default: no limit).")
    long limit;

    @Override
    public Integer call() throws Exception {
        SearchQuery query = what.query();
        Instant end = to != null ? to : Instant.now();
        if (!end.isAfter(from)) {
            throw new IllegalArgumentException("--to " + end + " must be after --from " + from);
        }
        if (!format.equals("jsonl") && !format.equals("table")) {
            throw new IllegalArgumentException("--format '" + format + "': expected jsonl or table");
        }
        List<TopicSpec<?>> specs = new ArrayList<>();
        for (String name : topics) {
            specs.add(Topics.INPUTS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "--topics '" + name + "': expected input topics among " + Topics.INPUTS.stream().map(TopicSpec::name).toList())));
        }
        PrintStream out = System.out;
        MatchPrinter printer = format.equals("table") ? MatchPrinter.table(out) : MatchPrinter.jsonl(out, new ObjectMapper());
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSearch.Scanned s = new TopicSearch(runtime.clientProps(), runtime.wire()).run(specs, from, end, query, limit, printer::print);
            out.flush();
            System.err.printf("scanned %d records between %s and %s: %d matches%s%n", s.records(), from, end, s.matches(),
                    s.undecodable() > 0 ? ", " + s.undecodable() + " undecodable records passed over" : "");
            return 0;
        }
    }
}
