package io.vigil.streams.detect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import io.vigil.schemas.SourceRef;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The flow detectors on the CIC-IDS2017 samples in {@code ../shared/data/public/cicids2017-improved-samples}
 * (skipped where absent): every class's 2,500 sampled flows (73 for the web brute force) merged in time
 * order, as VPC flow logs version 2 would show them — logged at the destination's interface when the
 * destination is internal, else at the source's; packets and bytes are both directions' (payload plus
 * 40 bytes a packet); accepted, since the capture has no security group — through the same judge the
 * topology runs, with the default settings. Prints, per class, the recall (flows of the class within an
 * hour of a finding of the class's detector on the same entity) and the detectors that cited its flows,
 * and for BENIGN the false-positive rate (benign flows cited by a finding that cites no attack flow).
 */
class CicIds2017Test {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]");
    private static final long HOUR = 3_600_000L;
    /** The detector each attack class should raise (none for the web brute force: HTTP logins look like browsing). */
    private static final Map<String, String> EXPECTED = Map.of("Portscan", PortScanDetector.NAME, "SSH-Patator", BruteForceDetector.NAME,
            "DoS Hulk", DosDetector.NAME, "DDoS", DosDetector.NAME, "Web Attack - Brute Force", BruteForceDetector.NAME);

    record Flow(String label, FlowRecord record) {}

    @Test
    void recallAndFalsePositivesPerClass() throws Exception {
        Path dir = sharedData().resolve("cicids2017-improved-samples");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data absent: " + dir);
        List<Flow> flows = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv.gz")).sorted().toList()) {
                flows.addAll(read(f));
            }
        }
        flows.sort(Comparator.comparing((Flow f) -> f.record().getStart()));

        FlowConfig config = FlowConfig.defaults();
        FlowFacts facts = new FlowFacts(config.internalNetworks());
        FlowJudge judge = new FlowJudge(config);
        Map<String, FlowProfile> profiles = new HashMap<>();
        String[] entities = new String[flows.size()];
        List<FlowAlert> alerts = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            FlowRecord r = flows.get(i).record();
            if (facts.read(r, r.getStart().toEpochMilli(), "flows.raw", 0, i)) {
                entities[i] = facts.entity();
                FlowProfile p = profiles.computeIfAbsent(facts.entity(), e -> new FlowProfile(e, config.profile().knownPeerServices()));
                alerts.addAll(judge.judge(p, facts));
            }
        }

        Map<String, int[]> perClass = new TreeMap<>();
        Map<String, Set<String>> citedBy = new TreeMap<>();
        Set<Long> falselyCited = new HashSet<>();
        Map<String, Integer> falseFindings = new TreeMap<>();
        for (FlowAlert a : alerts) {
            boolean cites = a.sources().stream().anyMatch(s -> !flows.get((int) s.getOffset()).label().equals("BENIGN"));
            for (SourceRef s : a.sources()) {
                citedBy.computeIfAbsent(flows.get((int) s.getOffset()).label(), k -> new HashSet<>()).add(a.detection().detector());
                if (!cites) {
                    falselyCited.add(s.getOffset());
                }
            }
            if (!cites) {
                falseFindings.merge(a.detection().detector() + " " + a.detection().severity(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < flows.size(); i++) {
            String label = flows.get(i).label();
            int[] c = perClass.computeIfAbsent(label, k -> new int[3]);
            c[0]++;
            String expected = EXPECTED.get(label);
            long t = flows.get(i).record().getStart().toEpochMilli();
            String entity = entities[i];
            if (expected != null && alerts.stream().anyMatch(a -> a.detection().detector().equals(expected) && a.detection().entity().equals(entity)
                    && Math.abs(a.eventTime().toEpochMilli() - t) <= HOUR)) {
                c[1]++;
            }
            if (falselyCited.contains((long) i)) {
                c[2]++;
            }
        }
        perClass.forEach((label, c) -> System.out.printf("CIC-IDS2017 %-26s flows %5d  %s  detectors citing it: %s%n", label, c[0],
                EXPECTED.containsKey(label) ? String.format("recall %5.1f%% (%s)", 100.0 * c[1] / c[0], EXPECTED.get(label))
                        : String.format("false-positive rate %.2f%% (%d flows cited by findings citing no attack)", 100.0 * c[2] / c[0], c[2]),
                citedBy.getOrDefault(label, Set.of())));
        System.out.println("CIC-IDS2017 findings citing no attack flow: " + falseFindings);

        assertThat(recall(perClass, "Portscan")).isGreaterThan(0.9);
        assertThat(recall(perClass, "SSH-Patator")).isGreaterThan(0.9);
        int[] benign = perClass.get("BENIGN");
        assertThat((double) benign[2] / benign[0]).isLessThan(0.02);
    }

    private static double recall(Map<String, int[]> perClass, String label) {
        int[] c = perClass.get(label);
        return (double) c[1] / c[0];
    }

    private static List<Flow> read(Path file) throws Exception {
        List<Flow> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            Map<String, Integer> col = new HashMap<>();
            String[] header = in.readLine().split(",");
            for (int i = 0; i < header.length; i++) {
                col.put(header[i].trim(), i);
            }
            String line;
            int row = 0;
            while ((line = in.readLine()) != null) {
                String[] v = line.split(",", -1);
                row++;
                String src = v[col.get("Src IP")];
                String dst = v[col.get("Dst IP")];
                boolean dstInternal = internal(dst);
                String local = dstInternal ? dst : src;
                long packets = Long.parseLong(v[col.get("Total Fwd Packet")]) + Long.parseLong(v[col.get("Total Bwd packets")]);
                long bytes = (long) (Double.parseDouble(v[col.get("Total Length of Fwd Packet")])
                        + Double.parseDouble(v[col.get("Total Length of Bwd Packet")])) + 40 * packets;
                Instant start = LocalDateTime.parse(v[col.get("Timestamp")], TIME).toInstant(ZoneOffset.UTC);
                long micros = Long.parseLong(v[col.get("Flow Duration")]);
                FlowRecord r = FlowRecord.newBuilder().setVersion(2).setAccountId("123456789012")
                        .setInterfaceId("eni-" + Integer.toHexString(local.hashCode())).setSrcaddr(src).setDstaddr(dst)
                        .setSrcport(Integer.parseInt(v[col.get("Src Port")])).setDstport(Integer.parseInt(v[col.get("Dst Port")]))
                        .setProtocol(Integer.parseInt(v[col.get("Protocol")])).setPackets(packets).setBytes(bytes).setStart(start)
                        .setEnd(start.plusNanos(micros * 1000)).setAction("ACCEPT").setLogStatus("OK")
                        .setOrigin(new Origin(file.getFileName().toString(), "row " + row, "vpcflow", start)).build();
                out.add(new Flow(v[col.get("Label")], r));
            }
        }
        return out;
    }

    private static boolean internal(String address) {
        return address.startsWith("192.168.") || address.startsWith("10.") || address.startsWith("172.16.");
    }

    private static Path sharedData() {
        String configured = System.getProperty("vigil.shared.dir");
        Path shared = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured) : Path.of("../../shared");
        return shared.resolve("data/public");
    }
}
