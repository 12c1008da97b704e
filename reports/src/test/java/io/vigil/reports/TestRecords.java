package io.vigil.reports;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import io.vigil.schemas.wire.AvroTrust;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small, valid records of each type the reports read, with only what a test varies as parameters. */
public final class TestRecords {
    public static final Instant T0 = Instant.parse("2024-08-18T13:00:00Z");

    static {
        // builders deep-copy nested records, which Avro 1.12 allows only for trusted packages
        AvroTrust.ensure();
    }

    private TestRecords() {}

    public static Finding.Builder finding(String id, String detector, Severity severity, Instant eventTime, long detectSeconds) {
        return Finding.newBuilder().setId(id).setKind(FindingKind.anomaly).setDetector(detector).setSeverity(severity)
                .setEntity("arn:aws:iam::123456789012:user/alice").setEntityType("principal").setAccount("123456789012")
                .setEventTime(eventTime).setDetectedAt(eventTime.plusSeconds(detectSeconds)).setAttack(List.of("T1562.008"))
                .setSummary("alice stopped CloudTrail logging")
                .setEvidence(new Evidence(Map.of("event_name", "StopLogging"), Map.of("expected", "never"), "turns off the audit trail"))
                .setSources(List.of(new SourceRef("audit.events", 0, 7L, "evt-1")));
    }

    public static ResponseAction.Builder action(String key, String findingId, ActionStatus status, Instant requestedAt) {
        return ResponseAction.newBuilder().setId(key + "-" + status).setIdempotencyKey(key).setFindingId(findingId)
                .setPlaybook("compromised-credentials").setStep("deactivate-key").setActionType("credentials.deactivate_key")
                .setTarget("AKIAEXAMPLE").setStatus(status).setDryRun(true).setRequestedAt(requestedAt)
                .setPlan("would deactivate access key AKIAEXAMPLE");
    }

    public static HostInventory.Builder pkg(String host, InventoryAction action, Instant t, String name, String version) {
        return HostInventory.newBuilder().setHostIdentifier(host).setQueryName("pack/inventory/deb_packages").setKind(InventoryKind.PACKAGE)
                .setAction(action).setEventTime(t).setPackageName(name).setPackageVersion(version).setPackageSource("deb")
                .setOrigin(origin("osquery"));
    }

    public static HostInventory.Builder port(String host, InventoryAction action, Instant t, int port) {
        return HostInventory.newBuilder().setHostIdentifier(host).setQueryName("pack/inventory/listening_ports")
                .setKind(InventoryKind.LISTENING_PORT).setAction(action).setEventTime(t).setPort(port).setProtocol(6).setAddress("0.0.0.0")
                .setOrigin(origin("osquery"));
    }

    public static AuditEvent.Builder audit(String eventId, String principalArn, Instant t) {
        return AuditEvent.newBuilder().setEventId(eventId).setEventTime(t).setEventSource("iam.amazonaws.com").setEventName("ListUsers")
                .setPrincipalType("IAMUser").setPrincipalArn(principalArn).setPrincipalAccount("123456789012").setRaw("{}")
                .setOrigin(origin("cloudtrail"));
    }

    private static Origin origin(String format) {
        return new Origin("file:///samples/x.log", "line 1", format, T0);
    }
}
