package io.vigil.cli.hunt.search;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.HostInventory;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a hunter looks for in the input topics, and which field of a record holds it. Pure: no Kafka,
 * so the matching rules are tested on records alone.
 */
public record SearchQuery(Kind kind, String value) {
    public enum Kind { IP, PRINCIPAL, ACCESS_KEY, INSTANCE, TEXT }

    public SearchQuery {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a search needs a value");
        }
        if (kind == Kind.IP) {
            Cidr.parse(value); // refuses a malformed address early, naming it
        }
    }

    /** The name of the field that matched, if the record matches. */
    public Optional<String> match(SpecificRecord record) {
        return switch (kind) {
            case IP -> ip(record);
            case PRINCIPAL -> principal(record);
            case ACCESS_KEY -> accessKey(record);
            case INSTANCE -> instance(record);
            case TEXT -> record.toString().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)) ? Optional.of("any") : Optional.empty();
        };
    }

    private Optional<String> ip(SpecificRecord record) {
        Cidr cidr = Cidr.parse(value);
        if (record instanceof FlowRecord f) {
            return first(cidr, "srcaddr", f.getSrcaddr(), "dstaddr", f.getDstaddr(), "pkt_srcaddr", f.getPktSrcaddr(), "pkt_dstaddr", f.getPktDstaddr());
        }
        if (record instanceof AuditEvent a) {
            return first(cidr, "source_ip", a.getSourceIp());
        }
        if (record instanceof HostInventory h) {
            return first(cidr, "address", h.getAddress());
        }
        if (record instanceof ConfigChange c && c.getConfiguration() != null && cidr.single() && c.getConfiguration().contains(value)) {
            return Optional.of("configuration");
        }
        return Optional.empty();
    }

    private static Optional<String> first(Cidr cidr, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null && cidr.contains(namesAndValues[i + 1])) {
                return Optional.of(namesAndValues[i]);
            }
        }
        return Optional.empty();
    }

    private Optional<String> principal(SpecificRecord record) {
        if (!(record instanceof AuditEvent a)) {
            return Optional.empty();
        }
        if (value.equals(a.getPrincipalArn()) || a.getPrincipalArn() != null && a.getPrincipalArn().endsWith("/" + value)) {
            return Optional.of("principal_arn");
        }
        if (value.equals(a.getSessionIssuerArn())) {
            return Optional.of("session_issuer_arn");
        }
        if (value.equals(a.getUserName())) {
            return Optional.of("user_name");
        }
        if (value.equals(a.getPrincipalId())) {
            return Optional.of("principal_id");
        }
        return a.getRaw().contains("\"" + value + "\"") ? Optional.of("raw") : Optional.empty(); // e.g. a session ARN
    }

    private Optional<String> accessKey(SpecificRecord record) {
        if (!(record instanceof AuditEvent a)) {
            return Optional.empty();
        }
        if (value.equals(a.getAccessKeyId())) {
            return Optional.of("access_key_id");
        }
        return a.getRaw().contains("\"" + value + "\"") ? Optional.of("raw") : Optional.empty(); // created, listed or deleted by the call
    }

    private Optional<String> instance(SpecificRecord record) {
        if (record instanceof FlowRecord f) {
            return value.equals(f.getInstanceId()) ? Optional.of("instance_id") : value.equals(f.getInterfaceId()) ? Optional.of("interface_id") : Optional.empty();
        }
        if (record instanceof HostInventory h) {
            return value.equals(h.getInstanceId()) ? Optional.of("instance_id") : value.equals(h.getHostIdentifier()) ? Optional.of("host_identifier") : Optional.empty();
        }
        if (record instanceof ConfigChange c) {
            return value.equals(c.getResourceId()) ? Optional.of("resource_id")
                    : c.getRelationships() != null && c.getRelationships().toString().contains(value) ? Optional.of("relationships") : Optional.empty();
        }
        if (record instanceof AuditEvent a) {
            return a.getPrincipalId() != null && a.getPrincipalId().endsWith(":" + value) ? Optional.of("principal_id")
                    : a.getRaw().contains("\"" + value + "\"") ? Optional.of("raw") : Optional.empty();
        }
        return Optional.empty();
    }
}
