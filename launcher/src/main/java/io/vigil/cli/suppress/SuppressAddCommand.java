package io.vigil.cli.suppress;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import io.vigil.schemas.Suppression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil suppress add}: findings of a detector (or family), for an entity or a network, until a time, are expected and
 * not written. It says who and why; without an entity or a network it would silence a detector everywhere, so that takes
 * {@code --everywhere}.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Suppresses the findings of a detector (flow.port_scan), a family (flow.*) or all (*) for an entity or a network, until a time. "
                + "Expiry is judged on the findings' event time, so a replay or hunt suppresses the same findings.")
public final class SuppressAddCommand implements Callable<Integer> {
    @Option(names = "--detector", paramLabel = "NAME", defaultValue = "*", description = "Detector name, family with * (flow.*), or * (default).")
    String detector;

    @Option(names = "--entity", paramLabel = "ENTITY", description = "The findings' entity, exactly (an instance, interface, principal ARN, resource id).")
    String entity;

    @Option(names = "--cidr", paramLabel = "CIDR", description = "A network containing the finding's entity or its peer, scanner or source address (10.0.5.0/24, 2001:db8::/32).")
    String cidr;

    @Option(names = "--until", paramLabel = "TIME", description = "ISO-8601 UTC time it expires (2026-12-01T00:00:00Z).")
    String until;

    @Option(names = "--for", paramLabel = "DURATION", description = "How long from now it lasts (ISO-8601: P7D, PT12H). Without --until or --for it never expires.")
    Duration lasting;

    @Option(names = "--everywhere", description = "Allow a suppression with neither --entity nor --cidr (the detector silenced for every entity).")
    boolean everywhere;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why, e.g. a change ticket or 'the vulnerability scanner'.")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: the user running the command).")
    String by;

    @Option(names = "--id", paramLabel = "ID", description = "The suppression's id (default: a new one); an existing id is replaced.")
    String id;

    @Mixin
    KafkaOptions kafka;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        Suppression s = suppression();
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka)) {
            TopicSetup.ensure(runtime.clientProps());
            SuppressionLog.write(runtime, s.getId(), s);
        }
        spec.commandLine().getOut().println("suppressed " + SuppressListCommand.describe(s));
        return 0;
    }

    Suppression suppression() {
        if (!detector.matches("\\*|[a-z0-9_]+\\.\\*|[a-z0-9_]+\\.[a-z0-9_.]+")) {
            throw new ParameterException(spec.commandLine(), "--detector '" + detector + "': expected a detector name (flow.port_scan), a family (flow.*) or *");
        }
        if (cidr != null) {
            try {
                io.vigil.streams.baseline.InternalNetworks.of(List.of(cidr));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--cidr '" + cidr + "': expected an IPv4 or IPv6 network such as 10.0.5.0/24 or 2001:db8::/32");
            }
        }
        if (entity == null && cidr == null && !everywhere) {
            throw new ParameterException(spec.commandLine(), "give --entity or --cidr, or --everywhere to silence " + detector + " for every entity");
        }
        if (until != null && lasting != null) {
            throw new ParameterException(spec.commandLine(), "--until and --for: give one of them");
        }
        Instant now = clock.instant();
        Instant expires = null;
        if (until != null) {
            try {
                expires = Instant.parse(until);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--until '" + until + "': expected an ISO-8601 UTC time such as 2026-12-01T00:00:00Z");
            }
        } else if (lasting != null) {
            if (lasting.isNegative() || lasting.isZero()) {
                throw new ParameterException(spec.commandLine(), "--for " + lasting + ": expected a positive ISO-8601 duration such as P7D");
            }
            expires = now.plus(lasting);
        }
        String who = by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
        return Suppression.newBuilder().setId(id != null ? id : "sup-" + UUID.randomUUID().toString().substring(0, 8)).setDetector(detector)
                .setEntity(entity).setCidr(cidr).setExpiresAt(expires).setReason(reason).setCreatedBy(who).setCreatedAt(now).build();
    }
}
