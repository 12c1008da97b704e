package io.vigil.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.cli.simulate.Estate.Host;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * osquery result logs as the filesystem logger writes them ({@code osquery/<host>/osqueryd.results.log},
 * JSON lines, host identity in {@code hostIdentifier} and the {@code hostname} and
 * {@code ec2_instance_id} decorations): the first run of the differential {@code deb_packages},
 * {@code listening_ports} and {@code processes} queries (everything {@code added}), a
 * {@code listening_ports} snapshot every six hours, web workers recycled every hour (a process
 * {@code removed}, another {@code added}), and the host backdoor when injected.
 */
final class OsqueryResults {
    /** osquery's calendarTime ({@code %a %b %e %H:%M:%S %Y UTC}: the day of month space-padded). */
    private static final DateTimeFormatter CALENDAR = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[][] WEB_PACKAGES = {{"nginx", "1.22.1-9"}, {"php8.2-fpm", "8.2.20-1~deb12u1"}, {"openssl", "3.0.13-1~deb12u1"},
            {"libssl3", "3.0.13-1~deb12u1"}, {"openssh-server", "1:9.2p1-2+deb12u3"}, {"curl", "7.88.1-10+deb12u6"},
            {"ca-certificates", "20230311"}, {"bash", "5.2.15-2+b7"}, {"coreutils", "9.1-1"}, {"systemd", "252.26-1~deb12u2"},
            {"sudo", "1.9.13p3-1+deb12u1"}, {"python3", "3.11.2-1+b1"}};
    private static final String[][] DB_PACKAGES = {{"postgresql-15", "15.7-0+deb12u1"}, {"openssl", "3.0.13-1~deb12u1"},
            {"libssl3", "3.0.13-1~deb12u1"}, {"openssh-server", "1:9.2p1-2+deb12u3"}, {"ca-certificates", "20230311"},
            {"bash", "5.2.15-2+b7"}, {"coreutils", "9.1-1"}, {"systemd", "252.26-1~deb12u2"}, {"sudo", "1.9.13p3-1+deb12u1"},
            {"python3", "3.11.2-1+b1"}};

    private final ObjectMapper json = new ObjectMapper();
    private final SimulationSpec spec;
    private final Estate estate;
    private final Random random;

    OsqueryResults(SimulationSpec spec, Estate estate, Random random) {
        this.spec = spec;
        this.estate = estate;
        this.random = random;
    }

    List<WrittenFile> write(Path out, List<Injected> injected) throws IOException {
        List<WrittenFile> files = new ArrayList<>();
        for (Host h : estate.hosts()) {
            files.add(writeHost(out, h, injected));
        }
        return files;
    }

    private WrittenFile writeHost(Path out, Host h, List<Injected> injected) throws IOException {
        Path file = out.resolve("osquery/" + h.name() + "/osqueryd.results.log");
        Files.createDirectories(file.getParent());
        long rows = 0;
        Instant start = spec.start();
        Instant backdoor = spec.has(Attack.HOST_BACKDOOR) && h.equals(estate.victim()) ? spec.at(Attack.HOST_BACKDOOR) : null;
        List<ObjectNode> processes = new ArrayList<>(processes(h));
        int nextPid = 20_000 + random.nextInt(5_000);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows += line(w, diff(h, "deb_packages", start, packages(h), List.of()));
            rows += line(w, diff(h, "listening_ports", start.plusSeconds(5), ports(h), List.of()));
            rows += line(w, diff(h, "processes", start.plusSeconds(10), processes, List.of()));
            for (int hour = 1; hour < spec.hours(); hour++) {
                Instant t = start.plus(Duration.ofHours(hour));
                if (backdoor != null && !backdoor.isAfter(t)) {
                    rows += backdoor(w, h, backdoor);
                    injected.add(new Injected(Attack.HOST_BACKDOOR, backdoor, h.name() + ": package ncat, process /tmp/.font-unix/kworkerd"
                            + " (pid 31337) listening on 0.0.0.0:4444 (osquery, host " + h.hostIdentifier() + ")", h.instanceId()));
                    backdoor = null;
                }
                if (hour % 6 == 0) {
                    ObjectNode snapshot = header(h, "listening_ports_snapshot", t);
                    snapshot.put("action", "snapshot");
                    ArrayNode rowsNode = snapshot.putArray("snapshot");
                    ports(h).forEach(rowsNode::add);
                    rows += line(w, snapshot);
                }
                if (h.web()) { // php-fpm recycles a worker after its request quota
                    ObjectNode old = processes.remove(processes.size() - 1);
                    ObjectNode fresh = process(nextPid++, "php-fpm8.2", "/usr/sbin/php-fpm8.2", "php-fpm: pool www", "33");
                    processes.add(fresh);
                    rows += line(w, diff(h, "processes", t.plusSeconds(random.nextInt(600)), List.of(fresh), List.of(old)));
                }
            }
        }
        return new WrittenFile(file, "osquery", rows);
    }

    private long backdoor(Writer w, Host h, Instant at) throws IOException {
        long rows = line(w, diff(h, "deb_packages", at, List.of(pkg("ncat", "7.93+dfsg1-1")), List.of()));
        rows += line(w, diff(h, "processes", at.plusSeconds(20),
                List.of(process(31337, "kworkerd", "/tmp/.font-unix/kworkerd", "[kworkerd] -l -p 4444", "33")), List.of()));
        rows += line(w, diff(h, "listening_ports", at.plusSeconds(25), List.of(port(31337, 4444, "0.0.0.0")), List.of()));
        return rows;
    }

    private long line(Writer w, ObjectNode line) throws IOException {
        w.write(json.writeValueAsString(line));
        w.write('\n');
        // the rows the line holds: what a reader should publish for it
        return line.has("snapshot") ? line.get("snapshot").size()
                : line.path("diffResults").path("added").size() + line.path("diffResults").path("removed").size();
    }

    private ObjectNode header(Host h, String query, Instant t) {
        ObjectNode line = json.createObjectNode();
        line.put("name", "pack_vigil_" + query);
        line.put("hostIdentifier", h.hostIdentifier());
        line.put("calendarTime", CALENDAR.format(t));
        line.put("unixTime", t.getEpochSecond());
        line.put("epoch", 0);
        line.put("counter", 0);
        line.put("numerics", false);
        line.putObject("decorations").put("hostname", h.name()).put("ec2_instance_id", h.instanceId());
        return line;
    }

    private ObjectNode diff(Host h, String query, Instant t, List<ObjectNode> added, List<ObjectNode> removed) {
        ObjectNode line = header(h, query, t);
        ObjectNode diff = line.putObject("diffResults");
        removed.forEach(diff.putArray("removed")::add);
        added.forEach(diff.putArray("added")::add);
        return line;
    }

    private List<ObjectNode> packages(Host h) {
        List<ObjectNode> out = new ArrayList<>();
        for (String[] p : h.web() ? WEB_PACKAGES : DB_PACKAGES) {
            out.add(pkg(p[0], p[1]));
        }
        return out;
    }

    private ObjectNode pkg(String name, String version) {
        ObjectNode row = json.createObjectNode();
        row.put("name", name).put("version", version).put("arch", "amd64").put("revision", "").put("source", "").put("status", "install ok installed");
        return row;
    }

    private List<ObjectNode> ports(Host h) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(port(612, 22, "0.0.0.0"));
        if (h.web()) {
            out.add(port(840, 443, "0.0.0.0"));
            out.add(port(840, 80, "0.0.0.0"));
        } else {
            out.add(port(903, 5432, h.ip()));
        }
        return out;
    }

    private ObjectNode port(int pid, int port, String address) {
        ObjectNode row = json.createObjectNode();
        row.put("pid", Integer.toString(pid)).put("port", Integer.toString(port)).put("protocol", "6").put("family", "2").put("address", address);
        return row;
    }

    private List<ObjectNode> processes(Host h) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(process(1, "systemd", "/usr/lib/systemd/systemd", "/sbin/init", "0"));
        out.add(process(612, "sshd", "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D", "0"));
        if (h.web()) {
            out.add(process(840, "nginx", "/usr/sbin/nginx", "nginx: master process /usr/sbin/nginx", "0"));
            out.add(process(1201, "php-fpm8.2", "/usr/sbin/php-fpm8.2", "php-fpm: pool www", "33"));
        } else {
            out.add(process(903, "postgres", "/usr/lib/postgresql/15/bin/postgres", "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main", "106"));
        }
        return out;
    }

    private ObjectNode process(int pid, String name, String path, String cmdline, String uid) {
        ObjectNode row = json.createObjectNode();
        row.put("pid", Integer.toString(pid)).put("name", name).put("path", path).put("cmdline", cmdline).put("uid", uid).put("state", "S");
        return row;
    }
}
