package io.vigil.cli.simulate;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attacks {@code vigil simulate} can inject, by their command-line name, each with when it
 * happens (after the attack window opens, four hours before the end) and the detectors that should
 * report it. The window is late so that baselines have learned the estate's normal by then.
 */
enum Attack {
    BRUTE_FORCE("brute-force", Duration.ZERO, "SSH password guessing from the internet against a web server", "flow.brute_force"),
    PORT_SCAN("port-scan", Duration.ofMinutes(15), "a web server sweeps the database's ports", "flow.port_scan"),
    HOST_BACKDOOR("host-backdoor", Duration.ofMinutes(30), "a package, a process and a listener on port 4444 appear on a web server",
            "drift.package", "drift.listening_port"),
    CREDENTIAL_THEFT("credential-theft", Duration.ofMinutes(60),
            "the backup service's access key used from a VPS: reconnaissance, then a backdoor admin user",
            "audit.new_source", "audit.recon_burst", "audit.sequence", "audit.sensitive_call"),
    EXFILTRATION("exfiltration", Duration.ofMinutes(75), "a web server sends gigabytes to an address it never talked to",
            "flow.exfiltration"),
    LOGGING_DISABLED("logging-disabled", Duration.ofMinutes(100), "the stolen key stops CloudTrail and tries to delete the flow logs",
            "audit.sensitive_call"),
    SG_OPENED("sg-opened", Duration.ofMinutes(150), "an engineer opens SSH on the web security group to the internet",
            "audit.sensitive_call", "drift.config");

    /** How long before the end of the simulated period the attack window opens. */
    static final Duration WINDOW_BEFORE_END = Duration.ofHours(4);

    private final String cliName;
    private final Duration offset;
    private final String description;
    private final List<String> detectors;

    Attack(String cliName, Duration offset, String description, String... detectors) {
        this.cliName = cliName;
        this.offset = offset;
        this.description = description;
        this.detectors = List.of(detectors);
    }

    String cliName() {
        return cliName;
    }

    /** When, after the attack window opens, the attack starts. */
    Duration offset() {
        return offset;
    }

    String description() {
        return description;
    }

    /** The detectors that should report it; empty when Vigil has no detector for it yet. */
    List<String> detectors() {
        return detectors;
    }

    static String names() {
        return Arrays.stream(values()).map(Attack::cliName).collect(Collectors.joining(", "));
    }

    /** Parses {@code all}, {@code none} or a comma-separated list of names. */
    static Set<Attack> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return EnumSet.allOf(Attack.class);
        }
        EnumSet<Attack> out = EnumSet.noneOf(Attack.class);
        if (t.equals("none")) {
            return out;
        }
        for (String name : t.split(",")) {
            String n = name.strip();
            out.add(Arrays.stream(values()).filter(a -> a.cliName.equals(n)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "--attacks '" + text + "': unknown attack '" + n + "'; expected all, none or a comma-separated list of " + names())));
        }
        return out;
    }
}
