package io.vigil.collectors.format.vpcflow;

/**
 * Validates IP address literals and gives their canonical text (RFC 5952 for IPv6), by hand: no
 * regex in the per-field hot path, and never {@code InetAddress}, which would resolve a non-literal
 * through DNS.
 */
final class IpAddresses {
    private IpAddresses() {}

    /** The canonical form of an IPv4 or IPv6 literal, or {@code null} if the text is not one. */
    static String canonical(String s) {
        if (s.indexOf(':') >= 0) {
            return ipv6(s);
        }
        return ipv4Value(s, 0, s.length()) >= 0 ? s : null;
    }

    static boolean isAddress(String s) {
        return canonical(s) != null;
    }

    /**
     * The 32-bit value of a dotted-quad in s[from, to), or -1. Leading zeros are refused: AWS never
     * writes them and some parsers read them as octal.
     */
    private static long ipv4Value(String s, int from, int to) {
        long value = 0;
        int octets = 0;
        int octet = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > 0 && octet == 0) {
                    return -1;
                }
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

    private static String ipv6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return null;
        }
        int[] groups = new int[8];
        int gap = s.indexOf("::");
        if (gap < 0) {
            if (parseGroups(s, 0, s.length(), groups, true) != 8) {
                return null;
            }
        } else {
            if (s.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            int[] tail = new int[8];
            int head = parseGroups(s, 0, gap, groups, false);
            int rest = parseGroups(s, gap + 2, s.length(), tail, true);
            if (head < 0 || rest < 0 || head + rest > 7) {
                return null;
            }
            System.arraycopy(tail, 0, groups, 8 - rest, rest);
        }
        return format(groups);
    }

    /** Parses colon-separated hex groups of s[from, to) into out; the count, or -1 if malformed. */
    private static int parseGroups(String s, int from, int to, int[] out, boolean allowIpv4Tail) {
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
            if (i == to && allowIpv4Tail && s.indexOf('.', start) >= 0 && s.indexOf('.', start) < to) {
                long v4 = ipv4Value(s, start, to);
                if (v4 < 0 || n > 6) {
                    return -1;
                }
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xffff);
                return n;
            }
            int group = hexGroup(s, start, i);
            if (group < 0) {
                return -1;
            }
            out[n++] = group;
            start = i + 1;
        }
        return n;
    }

    private static int hexGroup(String s, int from, int to) {
        if (to - from > 4) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (2+) of zero groups as "::". */
    private static String format(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (g[6] >>> 8) + "." + (g[6] & 0xff) + "." + (g[7] >>> 8) + "." + (g[7] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
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
}
