package io.vigil.streams.detect.audit;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import java.time.Instant;

/** Builds audit events for tests. */
final class AuditEvents {
    static final Instant T = Instant.parse("2024-08-18T13:01:07Z");

    static AuditEvent event(String id, String source, String name, String errorCode) {
        return AuditEvent.newBuilder().setEventId(id).setEventTime(T).setEventSource(source).setEventName(name).setErrorCode(errorCode)
                .setPrincipalType("IAMUser").setPrincipalArn("arn:aws:iam::123456789012:user/alice").setPrincipalAccount("123456789012")
                .setSourceIp("198.51.100.7").setRaw("{}").setOrigin(new Origin("test", "record 1", "cloudtrail", T)).build();
    }

    /** An event from a fixture line: the optional fields a catalogue condition may look at. */
    static AuditEvent fromFixture(com.fasterxml.jackson.databind.JsonNode f) {
        AuditEvent e = event("e-1", f.get("event_source").asText(), f.get("event_name").asText(), text(f, "error_code"));
        e.setUserName("alice");
        e.setRequestParameters(text(f, "request_parameters"));
        e.setAdditionalEventData(text(f, "additional_event_data"));
        e.setResponseElements(text(f, "response_elements"));
        if (f.hasNonNull("principal_type")) {
            e.setPrincipalType(f.get("principal_type").asText());
        }
        return e;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode f, String field) {
        return f.hasNonNull(field) ? f.get(field).asText() : null;
    }

    private AuditEvents() {}
}
