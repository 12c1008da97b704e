package io.vigil.cli.simulate;

import io.vigil.cli.simulate.Estate.Host;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * VPC flow logs of the estate in the default (version 2) format, with the header line AWS writes, one
 * gzip file per hour under {@code AWSLogs/<account>/vpcflowlogs/<region>/yyyy/mm/dd/} named as AWS
 * names them. (AWS delivers every 5 or 10 minutes; hourly files keep a long simulation to a few files
 * without changing a single line.) Each interface logs its own side: a flow between two hosts appears
 * on both. Lines within a file are in start-time order.
 */
final class FlowLogs {
    static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static final int SLOT_SECONDS = 300;
    private static final int SLOTS_PER_HOUR = 3600 / SLOT_SECONDS;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private record Line(long start, String text) {}

    private final SimulationSpec spec;
    private final Estate estate;
    private final Random random;
    private final String flowLogId;
    private final StringBuilder line = new StringBuilder(160);
    private List<Line> attackLines = List.of();
    private int nextAttack;
    private long written;

    FlowLogs(SimulationSpec spec, Estate estate, Random random) {
        this.spec = spec;
        this.estate = estate;
        this.random = random;
        this.flowLogId = "fl-0" + Estate.hex(random, 16);
    }

    List<WrittenFile> write(Path out, List<Injected> injected) throws IOException {
        attackLines = attacks(injected);
        attackLines.sort(Comparator.comparingLong(Line::start));
        nextAttack = 0;
        long slots = (long) spec.hours() * SLOTS_PER_HOUR;
        long t0 = spec.start().getEpochSecond();
        List<WrittenFile> files = new ArrayList<>();
        for (int hour = 0; hour < spec.hours(); hour++) {
            Instant hourStart = spec.start().plusSeconds(hour * 3600L);
            Path file = out.resolve("AWSLogs/" + Estate.ACCOUNT + "/vpcflowlogs/" + Estate.REGION + "/" + DAY.format(hourStart) + "/"
                    + Estate.ACCOUNT + "_vpcflowlogs_" + Estate.REGION + "_" + flowLogId + "_" + STAMP.format(hourStart.plusSeconds(3600)) + "_"
                    + Estate.hex(random, 8) + ".log.gz");
            written = 0;
            try (Writer w = GzipText.open(file)) {
                w.write(HEADER);
                w.write('\n');
                for (int s = 0; s < SLOTS_PER_HOUR; s++) {
                    long slot = (long) hour * SLOTS_PER_HOUR + s;
                    long slotStart = t0 + slot * SLOT_SECONDS;
                    if (spec.flowLines() > 0) {
                        sized(w, slotStart, spec.flowLines() * (slot + 1) / slots - spec.flowLines() * slot / slots);
                    } else {
                        modelled(w, slotStart);
                    }
                    attacksBefore(w, slotStart + SLOT_SECONDS);
                }
            }
            files.add(new WrittenFile(file, "vpcflow", written));
        }
        return files;
    }

    /** The traffic model: every five minutes each web server serves the load balancer, queries the database and calls an API. */
    private void modelled(Writer w, long t) throws IOException {
        Host db = estate.db();
        for (Host web : estate.web()) {
            emit(w, t, flow(web, Estate.LOAD_BALANCER, web.ip(), port(40000, 20000), 443, 20, 9000 + random.nextInt(4000), t, "ACCEPT"));
            int sport = port(41000, 9000);
            int packets = 10 + random.nextInt(5);
            int bytes = 3000 + random.nextInt(800);
            emit(w, t + 1, flow(web, web.ip(), db.ip(), sport, 5432, packets, bytes, t + 1, "ACCEPT"));
            emit(w, t + 1, flow(db, web.ip(), db.ip(), sport, 5432, packets, bytes, t + 1, "ACCEPT"));
            emit(w, t + 2, flow(web, web.ip(), Estate.API_PEER, port(42000, 9000), 443, 14, 5000 + random.nextInt(900), t + 2, "ACCEPT"));
        }
        if ((t / SLOT_SECONDS) % SLOTS_PER_HOUR == 0) { // the hourly backup upload
            emit(w, t + 5, flow(db, db.ip(), Estate.BACKUP_PEER, port(43000, 9000), 443, 1800, 2_000_000 + random.nextInt(500_000), t + 5, "ACCEPT"));
        }
    }

    /** {@code count} lines drawn from the same model, spread evenly over the slot (for sized output). */
    private void sized(Writer w, long slotStart, long count) throws IOException {
        List<Host> web = estate.web();
        Host db = estate.db();
        for (long i = 0; i < count; i++) {
            long t = slotStart + i * SLOT_SECONDS / count;
            Host h = web.get(random.nextInt(web.size()));
            switch (random.nextInt(4)) {
                case 0 -> emit(w, t, flow(h, Estate.LOAD_BALANCER, h.ip(), port(40000, 20000), 443, 20, 9000 + random.nextInt(4000), t, "ACCEPT"));
                case 1 -> emit(w, t, flow(h, h.ip(), db.ip(), port(41000, 9000), 5432, 12, 3000 + random.nextInt(800), t, "ACCEPT"));
                case 2 -> emit(w, t, flow(db, h.ip(), db.ip(), port(41000, 9000), 5432, 12, 3000 + random.nextInt(800), t, "ACCEPT"));
                default -> emit(w, t, flow(h, h.ip(), Estate.API_PEER, port(42000, 9000), 443, 14, 5000 + random.nextInt(900), t, "ACCEPT"));
            }
        }
    }

    /** Writes a line at time t, after the attack lines that start before it. */
    private void emit(Writer w, long t, String text) throws IOException {
        attacksBefore(w, t);
        w.write(text);
        written++;
    }

    private void attacksBefore(Writer w, long t) throws IOException {
        while (nextAttack < attackLines.size() && attackLines.get(nextAttack).start() < t) {
            w.write(attackLines.get(nextAttack++).text());
            written++;
        }
    }

    private List<Line> attacks(List<Injected> injected) {
        List<Line> out = new ArrayList<>();
        Host victim = estate.victim();
        Host db = estate.db();
        if (spec.has(Attack.BRUTE_FORCE)) {
            Instant at = spec.at(Attack.BRUTE_FORCE);
            for (int i = 0; i < 150; i++) { // a password guess every 4 seconds
                long t = at.getEpochSecond() + i * 4L;
                out.add(new Line(t, flow(victim, Estate.ATTACKER, victim.ip(), 50000 + i, 22, 12, 2400, t, "ACCEPT")));
            }
            injected.add(new Injected(Attack.BRUTE_FORCE, at, victim.name() + ": 150 SSH connections from " + Estate.ATTACKER + " in 10 minutes",
                    victim.entity()));
        }
        if (spec.has(Attack.PORT_SCAN)) {
            Instant at = spec.at(Attack.PORT_SCAN);
            for (int port = 1; port <= 200; port++) { // the database's group refuses all but its own port
                long t = at.getEpochSecond() + port / 10;
                String action = port == 5432 ? "ACCEPT" : "REJECT";
                out.add(new Line(t, flow(victim, victim.ip(), db.ip(), 55000, port, 1, 44, t, action)));
                out.add(new Line(t, flow(db, victim.ip(), db.ip(), 55000, port, 1, 44, t, action)));
            }
            injected.add(new Injected(Attack.PORT_SCAN, at, victim.name() + " probes ports 1-200 of " + db.name() + " (" + db.ip() + ")",
                    victim.entity(), db.entity()));
        }
        if (spec.has(Attack.EXFILTRATION)) {
            Instant at = spec.at(Attack.EXFILTRATION);
            long total = 0;
            for (int i = 0; i < 30; i++) {
                long t = at.getEpochSecond() + i * 90L;
                long bytes = 100_000_000L + random.nextInt(20_000_000);
                total += bytes;
                out.add(new Line(t, flow(victim, victim.ip(), Estate.DROP_SITE, port(44000, 9000), 443, bytes / 1400, bytes, t, "ACCEPT")));
            }
            injected.add(new Injected(Attack.EXFILTRATION, at,
                    victim.name() + " sends " + total / 1_000_000 + " MB to " + Estate.DROP_SITE + ":443 within 45 minutes", victim.entity()));
        }
        return out;
    }

    private int port(int from, int span) {
        return from + random.nextInt(span);
    }

    /** One version 2 line as the interface's flow log writes it (end = start + 60 s, the one-minute aggregation interval). */
    private String flow(Host on, String src, String dst, int sport, int dport, long packets, long bytes, long start, String action) {
        line.setLength(0);
        line.append("2 ").append(Estate.ACCOUNT).append(' ').append(on.eni()).append(' ').append(src).append(' ').append(dst).append(' ')
                .append(sport).append(' ').append(dport).append(" 6 ").append(packets).append(' ').append(bytes).append(' ').append(start)
                .append(' ').append(start + 60).append(' ').append(action).append(" OK\n");
        return line.toString();
    }
}
