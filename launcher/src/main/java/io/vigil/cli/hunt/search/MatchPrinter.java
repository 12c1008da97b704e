package io.vigil.cli.hunt.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * Prints matches. Everything in a record came from logs an attacker may write to, so JSON output is
 * built by a JSON writer (never by concatenation) and the table escapes control characters, which
 * could otherwise rewrite the hunter's terminal (ANSI escape sequences in a user agent).
 */
abstract class MatchPrinter {
    abstract void print(TopicSearch.Match m);

    static MatchPrinter jsonl(PrintStream out, ObjectMapper json) {
        return new MatchPrinter() {
            @Override
            void print(TopicSearch.Match m) {
                ObjectNode line = json.createObjectNode();
                line.put("topic", m.topic()).put("partition", m.partition()).put("offset", m.offset())
                        .put("time", m.time().toString()).put("key", m.key()).put("matched", m.field());
                try {
                    line.set("record", json.readTree(m.record().toString())); // Avro renders a record as JSON
                } catch (JsonProcessingException e) {
                    line.put("record", m.record().toString());
                }
                out.println(line);
            }
        };
    }

    static MatchPrinter table(PrintStream out) {
        return new MatchPrinter() {
            @Override
            void print(TopicSearch.Match m) {
                out.println(m.time() + "  " + m.topic() + "/" + m.partition() + "@" + m.offset() + "  " + m.field() + "  " + safe(summary(m.record())));
            }
        };
    }

    /** The fields a hunter reads first, per record type. */
    static String summary(org.apache.avro.specific.SpecificRecord r) {
        if (r instanceof io.vigil.schemas.AuditEvent a) {
            return a.getEventName() + " by " + a.getPrincipalArn() + " from " + a.getSourceIp() + " (" + a.getUserAgent() + ")"
                    + (a.getErrorCode() != null ? " " + a.getErrorCode() : "");
        }
        if (r instanceof io.vigil.schemas.FlowRecord f) {
            return f.getInterfaceId() + " " + f.getSrcaddr() + ":" + f.getSrcport() + " -> " + f.getDstaddr() + ":" + f.getDstport()
                    + " proto " + f.getProtocol() + " " + f.getAction() + " " + f.getBytes() + " B";
        }
        if (r instanceof io.vigil.schemas.ConfigChange c) {
            return c.getResourceType() + " " + c.getResourceId() + " " + c.getStatus() + (c.getChangeType() != null ? " " + c.getChangeType() : "");
        }
        if (r instanceof io.vigil.schemas.HostInventory h) {
            return h.getHostIdentifier() + " " + h.getKind() + " " + h.getAction() + " "
                    + (h.getPackageName() != null ? h.getPackageName() + " " + h.getPackageVersion() : h.getPort() != null ? "port " + h.getPort() : h.getProcessName());
        }
        return r.toString();
    }

    /** Control characters as visible escapes: a terminal shows them, it does not obey them. */
    static String safe(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
