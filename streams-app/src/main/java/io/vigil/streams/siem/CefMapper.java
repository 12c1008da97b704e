package io.vigil.streams.siem;

import io.vigil.schemas.Finding;
import io.vigil.schemas.SourceRef;
import java.util.StringJoiner;

/**
 * A finding as one ArcSight CEF line, for SIEMs that ingest CEF (ArcSight, QRadar, Sentinel's CEF
 * connector, syslog pipelines):
 * {@code CEF:0|Vigil|Vigil|0.1|<detector>|<summary>|<severity 0-10>|<extension>}.
 *
 * <p>Extension keys are fixed and in this order: {@code rt} (event time, epoch ms), {@code externalId}
 * (finding id), {@code cat} (anomaly or drift), {@code msg} (why it matters), {@code suser} (a principal
 * entity's ARN), {@code src} / {@code dst} (IPv4 ends; IPv6 ends go to {@code c6a2} / {@code c6a3},
 * since CEF's src and dst are IPv4), and labelled custom strings: cs1 finding id, cs2 entity, cs3 entity
 * type, cs4 ATT&CK techniques, cs5 account, cs6 sources ({@code topic/partition/offset}), each only
 * when the finding has it; the detection time is {@code deviceCustomDate1}.
 *
 * <p>Summary, entity and evidence are attacker-influenced, so every value goes through
 * {@link CefEscape}: nothing a log line contains can end a field, add an extension key or start a new
 * record. Field lengths follow the CEF standard's limits (name 512, signature id 1023, msg 1023, custom
 * strings 4000). Pure: no Kafka types, no clock.
 */
public final class CefMapper {
    private static final String PREFIX = "CEF:0|Vigil|Vigil|0.1|";
    private static final int LONG_FIELD = 1023;
    private static final int CUSTOM_STRING = 4000;

    private CefMapper() {}

    public static String toLine(Finding f) {
        Entity entity = Entity.of(f);
        Endpoints ends = Endpoints.of(f, entity);
        StringBuilder line = new StringBuilder(PREFIX)
                .append(CefEscape.header(f.getDetector(), LONG_FIELD)).append('|')
                .append(CefEscape.header(f.getSummary(), 512)).append('|')
                .append(Severities.cef(f.getSeverity())).append('|');
        Extension ext = new Extension(line);
        ext.put("rt", Long.toString(f.getEventTime().toEpochMilli()));
        ext.put("externalId", f.getId());
        ext.put("cat", f.getKind().name());
        ext.put("msg", f.getEvidence().getReason(), LONG_FIELD);
        if (entity.kind() == Entity.Kind.PRINCIPAL) {
            ext.put("suser", entity.id(), LONG_FIELD);
        }
        ext.address("src", "c6a2", "Source IPv6 Address", ends.src());
        ext.address("dst", "c6a3", "Destination IPv6 Address", ends.dst());
        ext.labelled("cs1", "findingId", f.getId());
        ext.labelled("cs2", "entity", f.getEntity());
        ext.labelled("cs3", "entityType", f.getEntityType());
        if (!f.getAttack().isEmpty()) {
            ext.labelled("cs4", "attack", String.join(",", f.getAttack()));
        }
        if (f.getAccount() != null) {
            ext.labelled("cs5", "account", f.getAccount());
        }
        if (!f.getSources().isEmpty()) {
            StringJoiner sources = new StringJoiner(",");
            for (SourceRef s : f.getSources()) {
                sources.add(s.getTopic() + "/" + s.getPartition() + "/" + s.getOffset());
            }
            ext.labelled("cs6", "sources", sources.toString());
        }
        ext.put("deviceCustomDate1", Long.toString(f.getDetectedAt().toEpochMilli()));
        ext.put("deviceCustomDate1Label", "detectedAt");
        return line.toString();
    }

    /** Appends {@code key=value} pairs separated by spaces; keys are constants here, values escaped. */
    private static final class Extension {
        private final StringBuilder line;
        private boolean first = true;

        Extension(StringBuilder line) {
            this.line = line;
        }

        void put(String key, String value) {
            put(key, value, CUSTOM_STRING);
        }

        void put(String key, String value, int max) {
            if (!first) {
                line.append(' ');
            }
            first = false;
            line.append(key).append('=').append(CefEscape.value(value, max));
        }

        void labelled(String key, String label, String value) {
            put(key, value);
            put(key + "Label", label);
        }

        void address(String v4Key, String v6Key, String v6Label, String ip) {
            if (ip == null) {
                return;
            }
            if (IpLiteral.isV6(ip)) {
                labelled(v6Key, v6Label, ip);
            } else {
                put(v4Key, ip);
            }
        }
    }
}
