package io.vigil.collectors.format.osquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Pure mapping from osquery result log JSON to {@link HostInventory} rows: the fields every row of a
 * result line shares (query, host, time, EC2 instance from the decorations), then per row the columns
 * and the typed fields of its kind. Throws {@link IllegalArgumentException} naming the field when
 * what makes a row is missing or malformed.
 */
final class OsqueryRowNormaliser {
    /** osquery's calendarTime: {@code Tue Sep 27 20:32:06 2016 UTC}, always UTC. */
    private static final DateTimeFormatter CALENDAR_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy 'UTC'", Locale.ENGLISH);

    /** What every row of one result line shares. */
    record ResultHeader(String queryName, String hostIdentifier, String hostname, String instanceId, Instant time) {}

    private OsqueryRowNormaliser() {}

    static ResultHeader header(JsonNode line) {
        JsonNode decorations = line.path("decorations");
        String instanceId = text(decorations, "ec2_instance_id");
        return new ResultHeader(required(line, "name"), required(line, "hostIdentifier"), text(decorations, "hostname"),
                instanceId != null ? instanceId : text(decorations, "instance_id"), time(line));
    }

    static HostInventory row(ResultHeader h, InventoryAction action, JsonNode columnsNode, Origin origin) {
        if (columnsNode == null || !columnsNode.isObject()) {
            throw new IllegalArgumentException("a row's columns must be a JSON object");
        }
        Map<String, String> columns = new TreeMap<>();
        for (Map.Entry<String, JsonNode> c : columnsNode.properties()) {
            JsonNode v = c.getValue();
            columns.put(c.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
        }
        InventoryKinds.Kind kind = InventoryKinds.classify(h.queryName(), columns);
        HostInventory.Builder row = HostInventory.newBuilder()
                .setHostIdentifier(h.hostIdentifier())
                .setHostname(h.hostname())
                .setInstanceId(h.instanceId())
                .setQueryName(h.queryName())
                .setKind(kind.kind())
                .setAction(action)
                .setEventTime(h.time())
                .setColumns(columns)
                .setOrigin(origin);
        switch (kind.kind()) {
            case PACKAGE -> row.setPackageName(first(columns, "name", "package"))
                    .setPackageVersion(packageVersion(columns))
                    .setPackageSource(kind.packageSource());
            case LISTENING_PORT -> row.setPort((int) number(columns, "port", 65_535))
                    .setProtocol(protocol(columns.get("protocol")))
                    .setAddress(blankToNull(columns.get("address")))
                    .setPid(optionalNumber(columns, "pid"));
            case PROCESS -> row.setPid(optionalNumber(columns, "pid"))
                    .setProcessName(blankToNull(columns.get("name")))
                    .setPath(blankToNull(columns.get("path")));
            case OTHER -> { }
        }
        return row.build();
    }

    /**
     * host|kind|item: what a row is about, so that on the compacted topic a later row about the same
     * item (its removal) replaces the earlier one. Package versions are part of the item: an upgrade
     * is the removal of one version and the addition of another.
     */
    static String key(HostInventory r) {
        Map<String, String> c = r.getColumns();
        String item = switch (r.getKind()) {
            case PACKAGE -> (r.getPackageSource() == null ? r.getQueryName() : r.getPackageSource()) + ":" + r.getPackageName() + ":"
                    + r.getPackageVersion() + (blankToNull(c.get("arch")) == null ? "" : ":" + c.get("arch"));
            case LISTENING_PORT -> r.getProtocol() + ":" + r.getAddress() + ":" + r.getPort();
            case PROCESS -> r.getPid() + ":" + r.getProcessName();
            case OTHER -> r.getQueryName() + ":" + UUID.nameUUIDFromBytes(c.toString().getBytes(StandardCharsets.UTF_8));
        };
        return r.getHostIdentifier() + "|" + r.getKind() + "|" + item;
    }

    private static String packageVersion(Map<String, String> c) {
        String version = first(c, "version", "bundle_short_version");
        String release = blankToNull(c.get("release"));
        // rpm splits the version a fix changes (release) from the upstream one; a baseline needs both
        return version != null && release != null ? version + "-" + release : version;
    }

    /** IANA protocol number; osquery writes numbers, hand-written queries sometimes names. */
    private static Integer protocol(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> {
                try {
                    int p = Integer.parseInt(v);
                    yield p >= 0 && p <= 255 ? p : null;
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }

    private static Long optionalNumber(Map<String, String> c, String column) {
        return blankToNull(c.get(column)) == null ? null : number(c, column, Long.MAX_VALUE);
    }

    private static long number(Map<String, String> c, String column, long max) {
        String v = blankToNull(c.get(column));
        if (v == null) {
            throw new IllegalArgumentException("missing column '" + column + "'");
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "' is '" + abbreviate(v) + "', expected a number from 0 to " + max);
        }
    }

    private static Instant time(JsonNode line) {
        JsonNode unix = line.get("unixTime");
        if (unix != null && (unix.isNumber() || unix.isTextual() && !unix.asText().isBlank())) {
            try {
                return Instant.ofEpochSecond(unix.isNumber() ? unix.asLong() : Long.parseLong(unix.asText().strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field 'unixTime' is '" + abbreviate(unix.asText()) + "', expected epoch seconds");
            }
        }
        String calendar = text(line, "calendarTime");
        if (calendar == null) {
            throw new IllegalArgumentException("missing field 'unixTime' and 'calendarTime'");
        }
        try {
            // osquery pads single-digit days with a space: "Tue Sep  6 ..."
            return LocalDateTime.parse(calendar.strip().replaceAll("\\s+", " "), CALENDAR_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'calendarTime' is '" + abbreviate(calendar) + "', expected e.g. 'Tue Sep 27 20:32:06 2016 UTC'");
        }
    }

    private static String first(Map<String, String> c, String column, String alternative) {
        String v = blankToNull(c.get(column));
        return v != null ? v : blankToNull(c.get(alternative));
    }

    private static String blankToNull(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
