package io.vigil.streams.detect.flow;

import java.util.List;

/**
 * What some ports mean: services an attacker wants (remote administration, databases: a new peer on
 * them matters more), and ports that ordinary workloads do not use but malware does (mining pools,
 * backdoors, IRC command channels, Tor). Looked up by array index: these run on every record.
 */
final class PortCatalogue {
    private static final int[] SENSITIVE = {
        22, 23, 135, 139, 389, 445, 636, 1433, 1521, 2375, 2376, 2379, 3306, 3389, 5432, 5900, 5984, 5985, 5986,
        6379, 9042, 9200, 9300, 10250, 11211, 27017,
    };
    private static final boolean[] IS_SENSITIVE = new boolean[65536];
    private static final BadPort[] BAD = new BadPort[65536];

    /** A port malware uses: what it is, the matching GuardDuty finding type, ATT&CK techniques. */
    record BadPort(int port, String meaning, String category, String guardDuty, List<String> attack) {}

    static {
        for (int p : SENSITIVE) {
            IS_SENSITIVE[p] = true;
        }
        for (int p : new int[] {3333, 5555, 7777, 14433, 14444, 45560, 45700}) {
            BAD[p] = new BadPort(p, "a cryptocurrency mining pool (stratum) port", "mining", "CryptoCurrency:EC2/BitcoinTool.B",
                    List.of("T1496", "T1571"));
        }
        BAD[4444] = new BadPort(4444, "the default Metasploit handler port", "backdoor", "Backdoor:EC2/C&CActivity.B", List.of("T1571"));
        for (int p : new int[] {1337, 12345, 31337}) {
            BAD[p] = new BadPort(p, "a classic backdoor port", "backdoor", "Backdoor:EC2/C&CActivity.B", List.of("T1571"));
        }
        for (int p : new int[] {6666, 6667, 6697}) {
            BAD[p] = new BadPort(p, "IRC, a common botnet command channel", "irc", "Backdoor:EC2/C&CActivity.B", List.of("T1571", "T1071"));
        }
        for (int p : new int[] {9001, 9030, 9050}) {
            BAD[p] = new BadPort(p, "a Tor relay or client port", "tor", "UnauthorizedAccess:EC2/TorClient", List.of("T1090.003"));
        }
    }

    private PortCatalogue() {}

    static boolean sensitive(int port) {
        return port >= 0 && port < 65536 && IS_SENSITIVE[port];
    }

    /** The catalogue entry of a port, or null. */
    static BadPort bad(int port) {
        return port >= 0 && port < 65536 ? BAD[port] : null;
    }
}
