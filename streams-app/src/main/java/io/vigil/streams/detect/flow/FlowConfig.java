package io.vigil.streams.detect.flow;

import io.vigil.schemas.Severity;
import io.vigil.schemas.topics.Topics;
import io.vigil.streams.baseline.InternalNetworks;
import io.vigil.streams.baseline.ProfileSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the flow family: topics, how profiles learn, and each detector's thresholds and windows.
 * Declared once in {@link #CONFIG} (name, type, default, doc) and validated by {@link #from}.
 */
public record FlowConfig(String sourceTopic, String findingsTopic, ProfileSettings profile, int cachedProfiles,
                         InternalNetworks internalNetworks, int scanDistinctPorts, int sweepDistinctHosts, int rejectedBurst,
                         double volumeK, long volumeFloorBytes, Severity newPeerMinSeverity, long alertDedupeMillis,
                         int bruteForceFlows, int dosFlows, long dosPackets, boolean[] spamPorts, int timeOfDayMinDays,
                         int timeOfDayMinFlows, boolean timeOfDayByWeek, int newPeerMediumPeers, int newPeerPoolHosts) {

    private static final String P = "vigil.flow.";
    public static final String SOURCE_TOPIC = P + "source.topic";
    public static final String FINDINGS_TOPIC = P + "findings.topic";
    public static final String LEARNING_PERIOD_MS = P + "learning.period.ms";
    public static final String LEARNING_RECORDS = P + "learning.records";
    public static final String PROBE_WINDOW_MS = P + "probe.window.ms";
    public static final String KNOWN_PEER_SERVICES = P + "known.peer.services";
    public static final String CACHED_PROFILES = P + "cached.profiles";
    public static final String INTERNAL_NETWORKS = P + "internal.networks";
    public static final String SCAN_DISTINCT_PORTS = P + "port_scan.distinct.ports";
    public static final String SWEEP_DISTINCT_HOSTS = P + "port_sweep.distinct.hosts";
    public static final String REJECTED_BURST = P + "rejected_burst.rejects";
    public static final String VOLUME_K = P + "volume.mad.k";
    public static final String VOLUME_FLOOR_BYTES = P + "volume.floor.bytes";
    public static final String NEW_PEER_MIN_SEVERITY = P + "new_peer_service.min.severity";
    public static final String ALERT_DEDUPE_MS = P + "alert.dedupe.ms";
    public static final String RATE_WINDOW_MS = P + "rate.window.ms";
    public static final String BRUTE_FORCE_FLOWS = P + "brute_force.flows";
    public static final String DOS_FLOWS = P + "dos.flows";
    public static final String DOS_PACKETS = P + "dos.packets";
    public static final String SPAM_PORTS = P + "spam.ports";
    public static final String TIME_OF_DAY_MIN_DAYS = P + "time_of_day.min.days";
    public static final String TIME_OF_DAY_MIN_FLOWS = P + "time_of_day.min.flows";
    public static final String TIME_OF_DAY_GRANULARITY = P + "time_of_day.granularity";
    public static final String NEW_PEER_MEDIUM_PEERS = P + "new_peer.medium.peers";
    public static final String NEW_PEER_POOL_HOSTS = P + "new_peer.pool.hosts";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(SOURCE_TOPIC, Type.STRING, Topics.FLOWS_RAW.name(), Importance.LOW, "Topic of FlowRecords to read.")
            .define(FINDINGS_TOPIC, Type.STRING, Topics.FINDINGS.name(), Importance.LOW, "Topic to write flow findings to.")
            .define(LEARNING_PERIOD_MS, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.HIGH,
                    "Event time an entity is watched (from its first record) before baseline detectors judge it.")
            .define(LEARNING_RECORDS, Type.LONG, 100_000L, Range.atLeast(1), Importance.MEDIUM,
                    "Records after which an entity is judged even if its learning period has not passed.")
            .define(PROBE_WINDOW_MS, Type.LONG, 600_000L, Range.atLeast(1), Importance.MEDIUM,
                    "Event-time window of the scan, sweep and rejected-burst detectors.")
            .define(KNOWN_PEER_SERVICES, Type.INT, 128, Range.between(8, 4096), Importance.MEDIUM,
                    "(Peer bucket, service) pairs kept per entity; the least recently seen makes room.")
            .define(CACHED_PROFILES, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM,
                    "Live profiles kept in memory per stream thread; more entities than this are read from RocksDB.")
            .define(INTERNAL_NETWORKS, Type.LIST, List.of(), Importance.MEDIUM,
                    "CIDR blocks to treat as internal besides the private ranges, e.g. the VPCs' IPv6 blocks.")
            .define(SCAN_DISTINCT_PORTS, Type.INT, 20, Range.atLeast(2), Importance.MEDIUM,
                    "Distinct ports probed between an entity and one peer within the window that make a port scan.")
            .define(SWEEP_DISTINCT_HOSTS, Type.INT, 20, Range.atLeast(2), Importance.MEDIUM,
                    "Distinct hosts an entity probes on one port within the window that make a port sweep.")
            .define(REJECTED_BURST, Type.INT, 50, Range.atLeast(2), Importance.MEDIUM,
                    "Refused flows from one external source to an entity within the window that make a burst.")
            .define(VOLUME_K, Type.DOUBLE, 6.0, Range.atLeast(0), Importance.MEDIUM,
                    "An hour's bytes to public addresses are unusual more than k * 1.4826 * MAD above its baseline's median (and at least twice the median).")
            .define(VOLUME_FLOOR_BYTES, Type.LONG, 50_000_000L, Range.atLeast(0), Importance.MEDIUM,
                    "And at least this many bytes above the median, whatever the baseline.")
            .define(NEW_PEER_MIN_SEVERITY, Type.STRING, "LOW", ValidString.in("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"), Importance.LOW,
                    "New peer services below this severity are learned silently.")
            .define(ALERT_DEDUPE_MS, Type.LONG, 3_600_000L, Range.atLeast(0), Importance.LOW,
                    "Event time during which a repeated unusual-port alert for the same peer and port is not raised again.")
            .define(RATE_WINDOW_MS, Type.LONG, 600_000L, Range.atLeast(1), Importance.MEDIUM,
                    "Event-time window of the brute-force and flood detectors: flows per (peer, service) are counted from the first one for this long.")
            .define(BRUTE_FORCE_FLOWS, Type.INT, 30, Range.atLeast(2), Importance.MEDIUM,
                    "Flows (accepted or refused) from one source to one authentication service port of an entity within the window that make a brute force; HIGH at 4x.")
            .define(DOS_FLOWS, Type.INT, 500, Range.atLeast(2), Importance.MEDIUM,
                    "Flows between one source and one host:port within the window that make a flood; HIGH at 4x. Keep above ~200: a health check every few seconds gives that many.")
            .define(DOS_PACKETS, Type.LONG, 1_000_000L, Range.atLeast(1), Importance.MEDIUM,
                    "Or packets between one source and one host:port within the window that make a flood; HIGH at 4x.")
            .define(SPAM_PORTS, Type.LIST, List.of("25", "465", "587"), Importance.LOW,
                    "TCP ports of mail submission and relay: a learned entity's first outbound connection to the internet on one is flow.spam.")
            .define(TIME_OF_DAY_MIN_DAYS, Type.INT, 14, Range.atLeast(1), Importance.MEDIUM,
                    "Days of event time an entity's active hours are watched before flow.time_of_day judges it (each hour of the week seen at least twice).")
            .define(TIME_OF_DAY_MIN_FLOWS, Type.INT, 20, Range.atLeast(1), Importance.MEDIUM,
                    "Flows the entity starts (or serves to internal peers) within an unusual hour before it is reported: a stray NTP or update check is not activity.")
            .define(TIME_OF_DAY_GRANULARITY, Type.STRING, "day", ValidString.in("day", "week"), Importance.MEDIUM,
                    "day: unusual when the entity was never active at that hour of the day, nor the hour before or after, on any day; "
                            + "week: the same, for that hour of the week only (also reports weekend work at usual hours).")
            .define(NEW_PEER_MEDIUM_PEERS, Type.INT, 10, Range.atLeast(2), Importance.MEDIUM,
                    "New internal hosts an entity connects to within an event-time hour that make flow.new_peer MEDIUM instead of LOW.")
            .define(NEW_PEER_POOL_HOSTS, Type.INT, 4, Range.atLeast(1), Importance.MEDIUM,
                    "Hosts an entity already connects to in a /24 (or /64) that make it a pool: a new host there is not flow.new_peer.");

    public FlowConfig {
        if (volumeK < 0 || volumeFloorBytes < 0 || alertDedupeMillis < 0 || cachedProfiles < 1
                || scanDistinctPorts < 2 || sweepDistinctHosts < 2 || rejectedBurst < 2 || bruteForceFlows < 2 || dosFlows < 2
                || dosPackets < 1 || spamPorts.length != 65536 || timeOfDayMinDays < 1 || timeOfDayMinFlows < 1 || newPeerMediumPeers < 2 || newPeerPoolHosts < 1) {
            throw new IllegalArgumentException("invalid flow detection settings");
        }
    }

    public static FlowConfig defaults() {
        return from(Map.of());
    }

    /** Reads the {@code vigil.flow.*} keys of a property map (others are ignored); throws ConfigException on a bad value. */
    public static FlowConfig from(Map<String, ?> props) {
        Map<String, Object> v = CONFIG.parse(props);
        InternalNetworks internal;
        try {
            @SuppressWarnings("unchecked")
            List<String> cidrs = (List<String>) v.get(INTERNAL_NETWORKS);
            internal = InternalNetworks.of(cidrs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(INTERNAL_NETWORKS, v.get(INTERNAL_NETWORKS), e.getMessage());
        }
        return new FlowConfig((String) v.get(SOURCE_TOPIC), (String) v.get(FINDINGS_TOPIC),
                new ProfileSettings((Long) v.get(LEARNING_PERIOD_MS), (Long) v.get(LEARNING_RECORDS), (Long) v.get(PROBE_WINDOW_MS),
                        (Integer) v.get(KNOWN_PEER_SERVICES), (Long) v.get(RATE_WINDOW_MS)),
                (Integer) v.get(CACHED_PROFILES), internal, (Integer) v.get(SCAN_DISTINCT_PORTS), (Integer) v.get(SWEEP_DISTINCT_HOSTS),
                (Integer) v.get(REJECTED_BURST), (Double) v.get(VOLUME_K), (Long) v.get(VOLUME_FLOOR_BYTES),
                Severity.valueOf((String) v.get(NEW_PEER_MIN_SEVERITY)), (Long) v.get(ALERT_DEDUPE_MS),
                (Integer) v.get(BRUTE_FORCE_FLOWS), (Integer) v.get(DOS_FLOWS), (Long) v.get(DOS_PACKETS), ports(SPAM_PORTS, v),
                (Integer) v.get(TIME_OF_DAY_MIN_DAYS), (Integer) v.get(TIME_OF_DAY_MIN_FLOWS), "week".equals(v.get(TIME_OF_DAY_GRANULARITY)),
                (Integer) v.get(NEW_PEER_MEDIUM_PEERS), (Integer) v.get(NEW_PEER_POOL_HOSTS));
    }

    /** Whether a TCP port is one of {@link #SPAM_PORTS}. */
    public boolean spamPort(int port) {
        return port >= 0 && port < 65536 && spamPorts[port];
    }

    /** A list of port numbers as a lookup table indexed by port. */
    private static boolean[] ports(String key, Map<String, Object> v) {
        boolean[] out = new boolean[65536];
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) v.get(key);
        for (String p : ports) {
            try {
                int port = Integer.parseInt(p.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                out[port] = true;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, ports, "expected a list of port numbers from 1 to 65535, e.g. 25,465,587");
            }
        }
        return out;
    }
}
