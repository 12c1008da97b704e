package io.vigil.streams.baseline;

import java.util.List;

/**
 * Networks to treat as internal on top of the private ranges: chiefly a VPC's IPv6 block, whose
 * addresses are global, so that traffic between two IPv6 instances is not mistaken for internet traffic.
 */
public final class InternalNetworks {
    public static final InternalNetworks NONE = new InternalNetworks(new long[0], new long[0], new int[0]);

    private final long[] his;
    private final long[] los;
    private final int[] lengths;

    private InternalNetworks(long[] his, long[] los, int[] lengths) {
        this.his = his;
        this.los = los;
        this.lengths = lengths;
    }

    /** From CIDR texts such as {@code 10.0.0.0/8} or {@code 2600:1f18:abc::/56}; throws on a malformed one. */
    public static InternalNetworks of(List<String> cidrs) {
        int n = cidrs.size();
        long[] his = new long[n];
        long[] los = new long[n];
        int[] lengths = new int[n];
        long[] address = new long[2];
        for (int i = 0; i < n; i++) {
            String cidr = cidrs.get(i).trim();
            int slash = cidr.indexOf('/');
            if (slash < 0 || !Addresses.parse(cidr.substring(0, slash), address)) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            int length = Integer.parseInt(cidr.substring(slash + 1));
            boolean v4 = Addresses.isV4(address[0], address[1]);
            int bits = v4 ? length + 96 : length;
            if (length < 0 || bits > 128) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            his[i] = address[0];
            los[i] = address[1];
            lengths[i] = bits;
        }
        return new InternalNetworks(his, los, lengths);
    }

    /** Private by {@link Addresses#isPrivate} or inside one of these networks. */
    public boolean isInternal(long hi, long lo) {
        return Addresses.isPrivate(hi, lo) || inListed(hi, lo);
    }

    /** Inside one of these networks, private ranges aside. */
    public boolean inListed(long hi, long lo) {
        for (int i = 0; i < lengths.length; i++) {
            if (matches(hi, lo, his[i], los[i], lengths[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(long hi, long lo, long netHi, long netLo, int bits) {
        if (bits <= 64) {
            return bits == 0 || (hi ^ netHi) >>> (64 - bits) == 0;
        }
        return hi == netHi && (bits == 128 ? lo == netLo : (lo ^ netLo) >>> (128 - bits) == 0);
    }
}
