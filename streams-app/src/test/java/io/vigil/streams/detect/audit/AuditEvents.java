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

    private AuditEvents() {}
}
