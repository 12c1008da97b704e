package io.vigil.streams.baseline;

/**
 * IP addresses as two longs, IPv4 mapped into {@code ::ffff:0:0/96} so that one code path serves both
 * families. Parsed and printed by hand: every flow record carries two addresses, so the hot path uses no
 * regex, no {@code InetAddress} (which may resolve a name through DNS) and allocates nothing for IPv4.
 */
public final class Addresses {
    static final long V4_MAPPED = 0x0000_FFFF_0000_0000L;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private Addresses() {}

    /**
     * Parses an address literal into {@code out[0]} (high 64 bits) and {@code out[1]} (low); false if it
     * is none. Any CharSequence, so text still in a record's bytes is parsed without becoming a String.
     */
    public static boolean parse(CharSequence s, long[] out) {
        if (s == null || s.length() == 0 || s.length() > 45) {
            return false;
        }
        if (indexOf(s, ':', 0) < 0) {
            long v4 = v4(s, 0, s.length());
            if (v4 < 0) {
                return false;
            }
            out[0] = 0;
            out[1] = V4_MAPPED | v4;
            return true;
        }
        return v6(s, out);
    }

    public static boolean isV4(long hi, long lo) {
        return hi == 0 && (lo & ~LOW_32) == V4_MAPPED;
    }

    /**
     * True for addresses the internet cannot reach by themselves: RFC 1918, shared (100.64/10), loopback,
     * link-local (the instance metadata service among them), unspecified, IPv6 ULA (fc00::/7), link-local
     * (fe80::/10) and loopback. AWS's IPv6 addresses are global, so IPv6 peers inside a VPC count as
     * public unless configured as internal networks.
     */
    public static boolean isPrivate(long hi, long lo) {
        if (isV4(hi, lo)) {
            int a = (int) (lo >>> 24 & 0xFF);
            int b = (int) (lo >>> 16 & 0xFF);
            return a == 10 || a == 127 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254);
        }
        int top = (int) (hi >>> 48);
        return (top & 0xFE00) == 0xFC00 || (top & 0xFFC0) == 0xFE80 || (hi == 0 && (lo == 1 || lo == 0));
    }

    /** The peer bucket an address falls in: its /24 (IPv4) or /64 (IPv6) network, as one long. */
    public static long bucket(long hi, long lo) {
        return isV4(hi, lo) ? lo & 0xFFFF_FFFF_FFFF_FF00L : hi;
    }

    /** Text of a bucket from {@link #bucket}: {@code 10.0.1.0/24} or {@code 2600:1f18:a:b::/64}. */
    public static String bucketText(long bucket, boolean v6) {
        return v6 ? format(bucket, 0) + "/64" : format(0, bucket) + "/24";
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 for IPv6. */
    public static String format(long hi, long lo) {
        if (isV4(hi, lo)) {
            return (lo >>> 24 & 0xFF) + "." + (lo >>> 16 & 0xFF) + "." + (lo >>> 8 & 0xFF) + "." + (lo & 0xFF);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i) & 0xFFFF);
            g[i + 4] = (int) (lo >>> (48 - 16 * i) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** The 32-bit value of a dotted quad in s[from, to), or -1. */
    private static long v4(CharSequence s, int from, int to) {
        long value = 0;
        int octets = 0;
        int octet = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0 && octets < 3) {
                value = value << 8 | octet;
                octets++;
                octet = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return digits > 0 && octets == 3 ? value << 8 | octet : -1;
    }

    private static boolean v6(CharSequence s, long[] out) {
        int[] head = new int[8];
        int[] tail = new int[8];
        int gap = gap(s, 0);
        int heads;
        int tails = 0;
        if (gap < 0) {
            heads = groups(s, 0, s.length(), head);
            if (heads != 8) {
                return false;
            }
        } else {
            if (gap(s, gap + 1) >= 0) {
                return false;
            }
            heads = groups(s, 0, gap, head);
            tails = groups(s, gap + 2, s.length(), tail);
            if (heads < 0 || tails < 0 || heads + tails > 7) {
                return false;
            }
        }
        System.arraycopy(tail, 0, head, 8 - tails, tails);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | head[i];
            lo = lo << 16 | head[i + 4];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** Colon-separated hex groups of s[from, to) (an IPv4 tail counts as two) into out; the count, or -1. */
    private static int groups(CharSequence s, int from, int to, int[] out) {
        if (from == to) {
            return 0;
        }
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && s.charAt(i) != ':') {
                continue;
            }
            if (i == start || n >= 8) {
                return -1;
            }
            int dot = indexOf(s, '.', start);
            if (i == to && dot >= 0 && dot < to) {
                long v4 = v4(s, start, to);
                if (v4 < 0 || n > 6) {
                    return -1;
                }
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xFFFF);
                return n;
            }
            if (i - start > 4) {
                return -1;
            }
            int group = 0;
            for (int k = start; k < i; k++) {
                int d = Character.digit(s.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                group = group << 4 | d;
            }
            out[n++] = group;
            start = i + 1;
        }
        return n;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the next "::" at or after {@code from}, or -1. */
    private static int gap(CharSequence s, int from) {
        for (int i = indexOf(s, ':', from); i >= 0 && i + 1 < s.length(); i = indexOf(s, ':', i + 1)) {
            if (s.charAt(i + 1) == ':') {
                return i;
            }
        }
        return -1;
    }
}
