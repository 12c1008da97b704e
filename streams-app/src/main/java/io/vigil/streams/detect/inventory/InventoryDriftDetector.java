package io.vigil.streams.detect.inventory;

import io.vigil.schemas.FindingKind;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Software and services drift on a host, from its osquery inventory ({@code inventory.host}) against the
 * baseline it reported while learning ({@link InventorySettings#learningMs()} from its first row):
 * <ul>
 *   <li>{@code drift.package}: a package added (LOW; MEDIUM for offensive, tunnelling and mining tools such as
 *       ncat, nmap, socat, chisel, xmrig — T1105 Ingress Tool Transfer, T1588.002), removed (LOW; MEDIUM for
 *       security and monitoring agents such as auditd, osquery, the SSM, CloudWatch and GuardDuty agents —
 *       T1562.001 Disable or Modify Tools), or changed version (LOW: an upgrade arrives as a removal and an addition
 *       at the same time, in either order, and is reported once as a change);</li>
 *   <li>{@code drift.listening_port}: a socket listening on a protocol/port the host did not listen on (MEDIUM; LOW
 *       on loopback only; HIGH when the listening process runs from /tmp, /var/tmp, /dev/shm or a hidden folder —
 *       T1571 Non-Standard Port, T1036.005).</li>
 * </ul>
 * Each drift is reported once: the baseline then holds the new state. Snapshot rows add what is new (they cannot
 * show removals: only differential rows do).
 *
 * <p>Why: a backdoor listener, a tool dropped on a host or a monitoring agent removed is how a compromised host
 * looks from its inventory (GuardDuty Runtime Monitoring's Backdoor:Runtime/* and DefenseEvasion:Runtime/* are
 * the closest). Playbook: configuration-drift (a case), compromised-instance when the listener is HIGH.
 *
 * <p>Pure: event time only; the same rows give the same findings with the same ids.
 */
public final class InventoryDriftDetector {
    public static final String PACKAGE = "drift.package";
    public static final String LISTENING_PORT = "drift.listening_port";
    private static final long PAIR_MS = 60_000L;
    private static final long REMOVAL_MEMORY_MS = 3_600_000L;
    private static final Pattern TOOLS = Pattern.compile("^(ncat|nmap|netcat.*|nc|nc\\.(traditional|openbsd)|socat|masscan|zmap|hydra|john|hashcat|sqlmap|nikto|"
            + "metasploit.*|xmrig.*|minerd|cpuminer.*|proxychains.*|tor|chisel|ngrok|responder|python3?-impacket|impacket.*|mimikatz|kerbrute|sshpass|"
            + "pwncat.*|weevely|gsocket|frp[cs]?)$");
    private static final Pattern SECURITY = Pattern.compile("^(auditd|audit|osquery.*|falcon-sensor|amazon-ssm-agent|amazon-cloudwatch-agent|amazon-guardduty-agent|"
            + "aws-guardduty-agent|amazon-inspector.*|aide|clamav.*|apparmor|selinux.*|fail2ban|wazuh-agent|ossec.*|sysmonforlinux|crowdstrike.*|"
            + "sentinelone.*|tripwire|rkhunter|falco|ufw|rsyslog|syslog-ng|auditbeat|filebeat|elastic-agent|datadog-agent)$");
    private static final Pattern SUSPICIOUS_PATH = Pattern.compile("^(/tmp/|/var/tmp/|/dev/shm/)|/\\.[^/]");

    private InventoryDriftDetector() {}

    /** The drift this row shows against the host's baseline (none while the host is learning). */
    public static List<Detection> score(HostSoftware b, HostInventory row, InventorySettings settings) {
        if (b == null || row.getEventTime().toEpochMilli() < b.firstSeen() + settings.learningMs()) {
            return List.of();
        }
        return switch (row.getKind()) {
            case PACKAGE -> packageDrift(b, row);
            case LISTENING_PORT -> portDrift(b, row);
            default -> List.of();
        };
    }

    /** The baseline after this row: learned while learning, and holding the reported drift after. */
    public static HostSoftware update(HostSoftware before, HostInventory row, InventorySettings settings, List<Detection> reported) {
        long t = row.getEventTime().toEpochMilli();
        HostSoftware b = before != null ? before : HostSoftware.empty(row.getHostIdentifier(), t);
        TreeMap<String, String> packages = b.packages();
        TreeMap<String, String> ports = b.ports();
        TreeMap<String, HostSoftware.Removal> removed = b.removed();
        if (row.getKind() == InventoryKind.PACKAGE && row.getPackageName() != null) {
            String key = packageKey(row);
            String version = String.valueOf(row.getPackageVersion());
            packages = new TreeMap<>(packages);
            removed = new TreeMap<>(removed);
            if (row.getAction() == InventoryAction.REMOVED) {
                if (version.equals(packages.get(key))) {
                    packages.remove(key);
                    if (!reported.isEmpty()) {
                        removed.put(key, new HostSoftware.Removal(version, t, reported.get(0).evidenceKey()));
                    }
                }
            } else if (packages.containsKey(key) || packages.size() < HostSoftware.MAX_PACKAGES) {
                packages.put(key, version);
                removed.remove(key);
            }
            removed.values().removeIf(r -> r.time() < t - REMOVAL_MEMORY_MS);
            while (removed.size() > HostSoftware.MAX_REMOVED) {
                removed.pollFirstEntry();
            }
        } else if (row.getKind() == InventoryKind.LISTENING_PORT && row.getPort() != null && row.getAction() != InventoryAction.REMOVED) {
            String key = portKey(row);
            if (!ports.containsKey(key) && ports.size() < HostSoftware.MAX_PORTS) {
                ports = new TreeMap<>(ports);
                ports.put(key, listener(row));
            }
        }
        return new HostSoftware(b.host(), Math.min(b.firstSeen(), t), packages, ports, removed);
    }

    private static List<Detection> packageDrift(HostSoftware b, HostInventory row) {
        if (row.getPackageName() == null) {
            return List.of();
        }
        long t = row.getEventTime().toEpochMilli();
        String key = packageKey(row);
        String name = row.getPackageName();
        String version = String.valueOf(row.getPackageVersion());
        String base = b.packages().get(key);
        String evidence = "pkg:" + key + "@" + t;
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("package", name);
        observed.put("version", version);
        if (row.getPackageSource() != null) {
            observed.put("source", row.getPackageSource());
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("baseline_since", Instant.ofEpochMilli(b.firstSeen()).toString());
        baseline.put("baseline_packages", String.valueOf(b.packages().size()));
        if (row.getAction() == InventoryAction.REMOVED) {
            if (!version.equals(base)) {
                return List.of(); // not the baselined version: the other half of an upgrade already reported, or never baselined
            }
            observed.put("change", "removed");
            baseline.put("version", base);
            boolean security = SECURITY.matcher(name.toLowerCase(Locale.ROOT)).matches();
            return List.of(detection(row, PACKAGE, security ? Severity.MEDIUM : Severity.LOW, evidence,
                    "Package " + name + " " + version + " was removed from " + entity(row) + (security ? ", a security or monitoring agent" : ""),
                    observed, baseline, security ? "a security or monitoring agent was removed: the host may be blinded on purpose"
                            : "the installed software no longer matches the host's baseline", security ? List.of("T1562.001") : List.of()));
        }
        if (version.equals(base)) {
            return List.of();
        }
        String previous = base;
        HostSoftware.Removal pair = b.removed().get(key);
        if (previous == null && pair != null && Math.abs(pair.time() - t) <= PAIR_MS && !pair.version().equals(version)) {
            previous = pair.version();
            evidence = pair.evidenceKey();
        }
        if (previous != null) {
            observed.put("change", "version");
            baseline.put("version", previous);
            return List.of(detection(row, PACKAGE, Severity.LOW, evidence, "Package " + name + " on " + entity(row) + " changed from " + previous + " to " + version,
                    observed, baseline, "the installed software no longer matches the host's baseline (an upgrade or a downgrade)", List.of()));
        }
        boolean tool = TOOLS.matcher(name.toLowerCase(Locale.ROOT)).matches();
        observed.put("change", "added");
        baseline.put("version", "(not installed)");
        return List.of(detection(row, PACKAGE, tool ? Severity.MEDIUM : Severity.LOW, evidence,
                "Package " + name + " " + version + " was installed on " + entity(row) + (tool ? ", an offensive, tunnelling or mining tool" : ""),
                observed, baseline, tool ? "a tool attackers use for scanning, tunnelling, shells or mining appeared on the host"
                        : "software the host's baseline did not have was installed", tool ? List.of("T1105", "T1588.002") : List.of()));
    }

    private static List<Detection> portDrift(HostSoftware b, HostInventory row) {
        if (row.getPort() == null || row.getAction() == InventoryAction.REMOVED || b.ports().containsKey(portKey(row))) {
            return List.of();
        }
        String address = row.getAddress() == null ? "" : row.getAddress();
        boolean loopback = address.startsWith("127.") || address.equals("::1");
        String path = row.getPath() == null ? "" : row.getPath();
        boolean suspicious = SUSPICIOUS_PATH.matcher(path).find();
        Severity s = suspicious ? Severity.HIGH : loopback ? Severity.LOW : Severity.MEDIUM;
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("port", String.valueOf(row.getPort()));
        observed.put("protocol", protocol(row.getProtocol()));
        observed.put("address", address);
        if (row.getProcessName() != null) {
            observed.put("process", row.getProcessName());
        }
        if (row.getPid() != null) {
            observed.put("pid", String.valueOf(row.getPid()));
        }
        if (!path.isEmpty()) {
            observed.put("path", path);
        }
        Map<String, String> baseline = new LinkedHashMap<>();
        baseline.put("baseline_since", Instant.ofEpochMilli(b.firstSeen()).toString());
        baseline.put("listening", String.join(",", b.ports().keySet().stream().limit(30).toList()) + (b.ports().size() > 30 ? ",…" : ""));
        String summary = entity(row) + " listens on a new port " + protocol(row.getProtocol()) + "/" + row.getPort() + " (" + address
                + (row.getProcessName() == null ? "" : ", " + row.getProcessName()) + ")" + (suspicious ? " from " + path : "");
        String reason = suspicious ? "a process running from a temporary or hidden folder opened a listener: the mark of a backdoor or bind shell"
                : loopback ? "a new local service; reachable only from the host itself" : "a new service reachable from the network that the host's baseline did not have";
        return List.of(detection(row, LISTENING_PORT, s, "port:" + portKey(row) + "@" + row.getEventTime().toEpochMilli(), summary, observed, baseline, reason,
                suspicious ? List.of("T1571", "T1036.005") : List.of("T1571")));
    }

    private static Detection detection(HostInventory row, String detector, Severity s, String key, String summary, Map<String, String> observed,
                                       Map<String, String> baseline, String reason, List<String> attack) {
        Map<String, String> obs = new LinkedHashMap<>(observed);
        obs.put("host", row.getHostIdentifier());
        if (row.getHostname() != null) {
            obs.put("hostname", row.getHostname());
        }
        if (row.getInstanceId() != null) {
            obs.put("instance_id", row.getInstanceId());
        }
        obs.put("query", row.getQueryName());
        obs.put("action", row.getAction().name());
        List<String> tags = s.compareTo(Severity.HIGH) >= 0 ? List.of("playbook:configuration-drift", "playbook:compromised-instance")
                : List.of("playbook:configuration-drift");
        return new Detection(detector, FindingKind.drift, s, entity(row), row.getInstanceId() != null ? "instance" : "host", null, attack, summary, obs, baseline,
                reason, key, tags);
    }

    private static String entity(HostInventory row) {
        return row.getInstanceId() != null ? row.getInstanceId() : row.getHostIdentifier();
    }

    static String packageKey(HostInventory row) {
        return (row.getPackageSource() == null ? "" : row.getPackageSource()) + ":" + row.getPackageName() + ":" + row.getColumns().getOrDefault("arch", "");
    }

    static String portKey(HostInventory row) {
        return protocol(row.getProtocol()) + "/" + row.getPort();
    }

    private static String protocol(Integer p) {
        return p == null ? "?" : p == 6 ? "tcp" : p == 17 ? "udp" : String.valueOf(p);
    }

    private static String listener(HostInventory row) {
        return (row.getAddress() == null ? "" : row.getAddress()) + " " + (row.getProcessName() == null ? "" : row.getProcessName());
    }

    static Set<String> detectors() {
        return Set.of(PACKAGE, LISTENING_PORT);
    }
}
