package io.vigil.cli.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.CliRun;
import io.vigil.kafka.embedded.EmbeddedKafka;
import io.vigil.kafka.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code vigil suppress add | list | lift} against a real broker, and the arguments it refuses with the key named. */
@ExtendWith(EmbeddedKafkaExtension.class)
class SuppressCommandTest {

    @Test
    void addListAndLift(EmbeddedKafka kafka) {
        String bootstrap = kafka.bootstrapServers();
        CliRun.Result added = CliRun.run("suppress", "add", "--bootstrap-servers", bootstrap, "--id", "scanner", "--detector", "flow.port_scan",
                "--cidr", "10.0.5.0/24", "--until", "2026-12-01T00:00:00Z", "--reason", "the vulnerability scanner", "--by", "carol");
        assertThat(added.rc()).as(added.output()).isZero();
        CliRun.run("suppress", "add", "--bootstrap-servers", bootstrap, "--id", "migration", "--detector", "audit.*",
                "--entity", "arn:aws:iam::123456789012:role/migrate", "--reason", "CHG-1234", "--by", "dave");

        CliRun.Result listed = CliRun.run("suppress", "list", "--bootstrap-servers", bootstrap);
        assertThat(listed.out()).contains("scanner: flow.port_scan in 10.0.5.0/24, until 2026-12-01T00:00:00Z, by carol")
                .contains("migration: audit.* entity arn:aws:iam::123456789012:role/migrate, no expiry, by dave");

        assertThat(CliRun.run("suppress", "lift", "--bootstrap-servers", bootstrap, "scanner").rc()).isZero();
        CliRun.Result after = CliRun.run("suppress", "list", "--bootstrap-servers", bootstrap);
        assertThat(after.out()).doesNotContain("scanner:").contains("migration:");
        CliRun.Result unknown = CliRun.run("suppress", "lift", "--bootstrap-servers", bootstrap, "scanner");
        assertThat(unknown.rc()).isEqualTo(2);
        assertThat(unknown.err()).contains("no suppression scanner");
    }

    @Test
    void badArgumentsNameTheKeyAndTheExpectedForm() {
        assertThat(CliRun.run("suppress", "add", "--cidr", "10.0.5.0/33", "--reason", "r").err()).contains("--cidr '10.0.5.0/33': expected");
        assertThat(CliRun.run("suppress", "add", "--detector", "Flow Scan", "--entity", "i-1", "--reason", "r").err())
                .contains("--detector 'Flow Scan': expected");
        assertThat(CliRun.run("suppress", "add", "--detector", "flow.port_scan", "--reason", "r").err()).contains("--everywhere");
        assertThat(CliRun.run("suppress", "add", "--entity", "i-1", "--until", "tomorrow", "--reason", "r").err()).contains("--until 'tomorrow': expected");
    }
}
