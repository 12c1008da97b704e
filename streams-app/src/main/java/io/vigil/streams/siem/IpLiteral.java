package io.vigil.streams.siem;

import io.vigil.streams.baseline.Addresses;

/**
 * Keeps only IP literals for IP-typed SIEM fields. Evidence values are attacker-influenced strings, and
 * an ip-typed field that receives anything else makes Elasticsearch reject the whole document (and OCSF
 * validators the whole event). Parsed by {@link Addresses}, which never resolves a name through DNS.
 */
final class IpLiteral {
    private IpLiteral() {}

    /** The string if it is an IPv4 or IPv6 literal, else null. */
    static String orNull(String s) {
        return s != null && Addresses.parse(s, new long[2]) ? s : null;
    }

    static boolean isV6(String ip) {
        return ip.indexOf(':') >= 0;
    }
}
