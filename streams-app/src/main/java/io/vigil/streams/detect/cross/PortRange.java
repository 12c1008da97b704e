package io.vigil.streams.detect.cross;

import java.util.Set;

/**
 * Ports of a security group rule: IANA protocol ({@code -1} for every protocol) and a port range ({@code -1..-1} for every
 * port, as AWS writes "all traffic").
 */
record PortRange(int protocol, int from, int to) {
    /** Remote administration and database ports: opened to the world they are the first thing attackers try. */
    static final Set<Integer> ADMIN = Set.of(22, 23, 3389, 5900, 5985, 5986, 3306, 5432, 1433, 1521, 6379, 9200, 27017, 2375, 2376, 445, 135, 139);

    boolean covers(int protocol, int port) {
        return (this.protocol == -1 || this.protocol == protocol) && (from == -1 || from <= port && port <= to);
    }

    boolean admin() {
        return from == -1 || ADMIN.stream().anyMatch(p -> from <= p && p <= to);
    }

    /** One port of one protocol, as text: tcp/22. */
    static String of(int protocol, int port) {
        return new PortRange(protocol, port, port).text();
    }

    String text() {
        String proto = switch (protocol) {
            case -1 -> "all";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> Integer.toString(protocol);
        };
        return from == -1 ? proto + "/all" : proto + "/" + (from == to ? Integer.toString(from) : from + "-" + to);
    }
}
