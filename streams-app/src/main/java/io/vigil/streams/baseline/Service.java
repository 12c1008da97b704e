package io.vigil.streams.baseline;

/**
 * A service as one entity uses it, packed into an int so tables hold no objects: the service port (the
 * server's side of the conversation), the IP protocol, and whether the entity is the client. Flags say
 * what the peer bucket beside it means (an IPv6 /64, or "any internet address").
 */
public final class Service {
    /** The bucket is an IPv6 /64 (else an IPv4 /24). */
    public static final int V6 = 1 << 25;
    /** The bucket stands for every public address: inbound clients from the internet are one peer. */
    public static final int INTERNET = 1 << 26;
    private static final int CLIENT = 1 << 24;

    private Service() {}

    public static int of(int port, int protocol, boolean client) {
        return (port & 0xFFFF) | (protocol & 0xFF) << 16 | (client ? CLIENT : 0);
    }

    public static int port(int service) {
        return service & 0xFFFF;
    }

    public static int protocol(int service) {
        return service >>> 16 & 0xFF;
    }

    public static boolean client(int service) {
        return (service & CLIENT) != 0;
    }

    /** The service without the bucket flags: (port, protocol, role). */
    public static int kind(int service) {
        return service & (CLIENT | 0xFF_FFFF);
    }

    /** {@code 443/tcp as client}, {@code 22/tcp as server}. */
    public static String text(int service) {
        return port(service) + "/" + protocolName(protocol(service)) + (client(service) ? " as client" : " as server");
    }

    public static String protocolName(int protocol) {
        return switch (protocol) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 58 -> "icmpv6";
            case 132 -> "sctp";
            default -> Integer.toString(protocol);
        };
    }

    /** Protocols whose flow records carry ports. */
    public static boolean hasPorts(int protocol) {
        return protocol == 6 || protocol == 17 || protocol == 132;
    }
}
