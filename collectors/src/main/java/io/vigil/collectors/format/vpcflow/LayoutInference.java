package io.vigil.collectors.format.vpcflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the field order of a headerless line in a custom format from the shape of its tokens
 * (eni-/vpc-/subnet-/i- ids, addresses, ACCEPT/REJECT, OK/NODATA/SKIPDATA, epoch times, ...),
 * placing numbers as AWS orders them (ports and protocol right after the addresses). It answers
 * only when every non-{@code -} token has exactly one place; otherwise {@code null}, and the line is
 * dead-lettered as {@code unknown_layout} rather than read wrongly. Runs only for lines no default
 * layout fits, so regex here costs nothing on the hot path.
 */
final class LayoutInference {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern AZ_ID = Pattern.compile("[a-z]+\\d+(-[a-z]+\\d+)?-az\\d+");
    private static final Pattern AWS_SERVICE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final String[] ADDRESSES = {"srcaddr", "dstaddr", "pkt-srcaddr", "pkt-dstaddr"};
    /** Epoch seconds between 2001 and 2096: a 10-digit number in that range in a flow line is a time. */
    private static final long EPOCH_MIN = 1_000_000_000L;
    private static final long EPOCH_MAX = 4_000_000_000L;

    private LayoutInference() {}

    /**
     * Whether a line starts like AWS's default formats ({@code version account-id interface-id}):
     * such a line with a field count no default format has is a damaged default line, not a custom one.
     */
    static boolean startsLikeDefault(String[] tokens, int count) {
        return count >= 3 && isDigits(tokens[0], 1, 2) && isDigits(tokens[1], 1, 12)
                && (tokens[2].startsWith("eni-") || tokens[2].equals("-"));
    }

    /** The inferred layout, or {@code null} when the tokens do not determine one. */
    static FlowLayout infer(String[] tokens, int count) {
        String[] names = new String[count];
        Set<String> placed = new HashSet<>();
        boolean[] numeric = new boolean[count];
        List<Integer> services = new ArrayList<>();
        int addresses = 0;
        int times = 0;
        boolean complete = true;
        for (int i = 0; i < count; i++) {
            String t = tokens[i];
            String name;
            if (t.equals("-")) {
                complete = false;
                continue;
            } else if (i == 0 && isDigits(t, 1, 2)) {
                name = "version";
            } else if (IpAddresses.isAddress(t)) {
                if (addresses == ADDRESSES.length) {
                    return null;
                }
                name = ADDRESSES[addresses++];
            } else if (isDigits(t, 1, 19)) {
                name = numberName(t, placed.contains("account-id"), times);
                if (name == null) {
                    numeric[i] = true;
                    continue;
                }
                if (name.equals("start") || name.equals("end")) {
                    times++;
                }
            } else {
                name = wordName(t);
                if (name == null && AWS_SERVICE.matcher(t).matches()) {
                    services.add(i);
                    continue;
                }
            }
            if (name == null || !placed.add(name)) {
                return null;
            }
            names[i] = name;
        }
        if (!placeNumbers(names, numeric, placed) || !placeServices(names, services, placed)) {
            return null;
        }
        boolean isFlow = placed.contains("srcaddr") && placed.contains("dstaddr") || placed.contains("log-status");
        return isFlow ? FlowLayout.of(names, complete) : null;
    }

    private static String numberName(String t, boolean haveAccount, int times) {
        if (t.length() == 12 && !haveAccount) {
            return "account-id";
        }
        if (t.length() == 10 && times < 2) {
            long v = Long.parseLong(t);
            if (v >= EPOCH_MIN && v < EPOCH_MAX) {
                return times == 0 ? "start" : "end";
            }
        }
        return null;
    }

    private static String wordName(String t) {
        switch (t) {
            case "ACCEPT", "REJECT":
                return "action";
            case "OK", "NODATA", "SKIPDATA":
                return "log-status";
            case "IPv4", "IPv6", "EFA":
                return "type";
            case "ingress", "egress":
                return "flow-direction";
            default:
                break;
        }
        if (t.startsWith("tgw-attach-")) {
            return "tgw-attachment-id";
        }
        if (t.startsWith("tgw-")) {
            return "tgw-id";
        }
        if (t.startsWith("eni-")) {
            return "interface-id";
        }
        if (t.startsWith("vpc-")) {
            return "vpc-id";
        }
        if (t.startsWith("subnet-")) {
            return "subnet-id";
        }
        if (t.startsWith("i-")) {
            return "instance-id";
        }
        if (REGION.matcher(t).matches()) {
            return "region";
        }
        return AZ_ID.matcher(t).matches() ? "az-id" : null;
    }

    /**
     * Plain numbers, in runs of adjacent positions: the run right after dstaddr is srcport dstport
     * protocol, then packets bytes (two more) or tcp-flags (one more), as in AWS's formats; any other
     * pair is packets bytes; a lone number is tcp-flags, then traffic-path.
     */
    private static boolean placeNumbers(String[] names, boolean[] numeric, Set<String> placed) {
        int afterDst = indexOf(names, "dstaddr") + 1;
        for (int i = 0; i < numeric.length; ) {
            if (!numeric[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < numeric.length && numeric[end]) {
                end++;
            }
            List<String> run = new ArrayList<>();
            int rest = end - i;
            if (afterDst > 0 && i == afterDst) {
                if (rest < 3) {
                    return false;
                }
                run.addAll(List.of("srcport", "dstport", "protocol"));
                rest -= 3;
            }
            if (rest == 2) {
                run.addAll(List.of("packets", "bytes"));
            } else if (rest == 1) {
                run.add(placed.contains("tcp-flags") ? "traffic-path" : "tcp-flags");
            } else if (rest != 0) {
                return false;
            }
            for (String name : run) {
                if (!placed.add(name)) {
                    return false;
                }
                names[i++] = name;
            }
        }
        return true;
    }

    /** AWS service names come as a pair (source, destination); one alone cannot be placed. */
    private static boolean placeServices(String[] names, List<Integer> services, Set<String> placed) {
        if (services.isEmpty()) {
            return true;
        }
        if (services.size() != 2) {
            return false;
        }
        names[services.get(0)] = "pkt-src-aws-service";
        names[services.get(1)] = "pkt-dst-aws-service";
        return placed.add("pkt-src-aws-service") && placed.add("pkt-dst-aws-service");
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigits(String t, int minLength, int maxLength) {
        if (t.length() < minLength || t.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
