package io.vigil.collectors.format;

import io.vigil.collectors.format.vpcflow.VpcFlowReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises an input's format from its first bytes (already decompressed), never from its name:
 * S3 keys and exported files are often misnamed, and a misread format would silently lose records.
 */
public final class FormatDetector {
    /** How many leading bytes the detector looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final Pattern FLOW_TOKEN = Pattern.compile("eni-[0-9a-f]+|tgw-attach-[0-9a-f]+|\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]+");
    private static final Pattern EMBEDDED_FLOW_LINE = Pattern.compile("\"message\"\\s*:\\s*\"\\d+ ");

    private FormatDetector() {}

    public static Format detect(byte[] head, int length) {
        if (looksBinary(head, length)) {
            return Format.UNKNOWN;
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        String trimmed = stripLeading(text);
        if (trimmed.isEmpty()) {
            return Format.UNKNOWN;
        }
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            return detectJson(trimmed);
        }
        return detectText(trimmed);
    }

    private static Format detectJson(String t) {
        boolean cloudTrail = (t.contains("\"eventVersion\"") || t.contains("\"eventSource\"")) && t.contains("\"eventName\"")
                || t.contains("AWS API Call via CloudTrail") || t.contains("AWS Console Sign In via CloudTrail")
                || t.contains("\"Records\"") && t.contains("\"eventName\"");
        boolean config = t.contains("configurationItem") || t.contains("\"configurationItems\"") || t.contains("\"invokingEvent\"")
                || t.contains("ConfigurationHistoryDeliveryCompleted") || t.contains("ConfigurationSnapshotDeliveryCompleted")
                || t.contains("ConfigurationSnapshotDeliveryStarted") || t.contains("ComplianceChangeNotification")
                || t.contains("\"configurationStateId\"");
        if (config && !t.contains("\"eventVersion\"")) {
            return Format.AWSCONFIG;
        }
        if (cloudTrail) {
            return Format.CLOUDTRAIL;
        }
        if (t.contains("\"hostIdentifier\"") && (t.contains("\"columns\"") || t.contains("\"snapshot\"") || t.contains("\"diffResults\""))) {
            return Format.OSQUERY;
        }
        if (EMBEDDED_FLOW_LINE.matcher(t).find() || t.contains("\"logEvents\"") || t.contains("\"awslogs\"")) {
            return Format.VPCFLOW;
        }
        return Format.UNKNOWN;
    }

    private static Format detectText(String t) {
        int nl = t.indexOf('\n');
        String line = (nl < 0 ? t : t.substring(0, nl)).strip();
        if (VpcFlowReader.isHeaderLine(line)) {
            return Format.VPCFLOW;
        }
        String[] tokens = line.split("\\s+");
        if (tokens.length >= 10 && tokens[0].matches("\\d{1,2}")) {
            int flowish = 0;
            for (String token : tokens) {
                if (FLOW_TOKEN.matcher(token).matches()) {
                    flowish++;
                }
            }
            if (flowish >= 1) {
                return Format.VPCFLOW;
            }
        }
        return Format.UNKNOWN;
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return text.substring(i);
    }

    /** NUL bytes or many control characters: not a text log. */
    static boolean looksBinary(byte[] head, int length) {
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f) {
                control++;
            }
        }
        return length > 0 && control * 20 > length;
    }
}
