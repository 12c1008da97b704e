package io.vigil.cli.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated estate: one account and region, web servers behind a load balancer and a database,
 * each with an instance id, a network interface and a private address. Ids are drawn from the seed,
 * so an estate, and everything written about it, is the same for the same seed.
 */
record Estate(List<Host> hosts, String webGroup, String dbGroup) {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String LOAD_BALANCER = "10.0.1.10";
    /** An AWS API endpoint the web tier calls over HTTPS. */
    static final String API_PEER = "52.94.5.100";
    /** Where the database ships its backups (an S3 address). */
    static final String BACKUP_PEER = "52.218.40.10";
    /** The attacker's VPS: password guessing, stolen-key use. */
    static final String ATTACKER = "203.0.113.66";
    /** Where the stolen data goes. */
    static final String DROP_SITE = "198.51.100.200";

    /** One machine: its name (also its osquery host name), role, ids and address. */
    record Host(String name, String role, String instanceId, String eni, String ip, String hostIdentifier) {
        boolean web() {
            return "web".equals(role);
        }

        /** How detections name the host's interface entity ({@code eni/address}), for the summary. */
        String entity() {
            return eni + "/" + ip;
        }
    }

    /** {@code count} hosts (at least 2): the last is the database, the others web servers. */
    static Estate of(int count, Random random) {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean db = i == count - 1;
            String name = db ? "db-1" : "web-" + (i + 1);
            // web servers in 10.0.2.0/23 (room for 500), the database in 10.0.4.0/24
            String ip = db ? "10.0.4.20" : "10.0." + (2 + (i + 11) / 256) + "." + (i + 11) % 256;
            hosts.add(new Host(name, db ? "db" : "web", "i-0" + hex(random, 16), "eni-0" + hex(random, 16), ip, uuid(random)));
        }
        return new Estate(List.copyOf(hosts), "sg-0" + hex(random, 16), "sg-0" + hex(random, 16));
    }

    List<Host> web() {
        return hosts.stream().filter(Host::web).toList();
    }

    Host db() {
        return hosts.get(hosts.size() - 1);
    }

    /** The host attacks land on: the first web server. */
    Host victim() {
        return hosts.get(0);
    }

    static String hex(Random random, int digits) {
        StringBuilder b = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }

    private static String uuid(Random random) {
        String h = hex(random, 32).toUpperCase(java.util.Locale.ROOT);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
