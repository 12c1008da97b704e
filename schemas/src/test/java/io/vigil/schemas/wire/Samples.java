package io.vigil.schemas.wire;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Approval;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.InventoryKind;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Relationship;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.Severity;
import io.vigil.schemas.SourceRef;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One populated instance of every record type, with IPv4 and IPv6 and non-ASCII text. */
final class Samples {
    static final Instant T = Instant.parse("2024-08-18T13:01:07Z");

    static Origin origin(String format) {
        return new Origin("s3://bucket/AWSLogs/123456789012/x.log.gz", "line 7", format, T);
    }

    static List<SpecificRecord> all() {
        return List.of(
                io.vigil.schemas.Suppression.newBuilder().setId("s-1").setDetector("flow.port_scan").setCidr("10.0.5.0/24")
                        .setExpiresAt(T.plusSeconds(86_400)).setReason("the vulnerability scanner").setCreatedBy("carol").setCreatedAt(T).build(),
                FlowRecord.newBuilder().setVersion(5).setAccountId("123456789012").setInterfaceId("eni-0a1b2c3d")
                        .setSrcaddr("2001:db8:1234:a100:8d6e:3477:df66:f105").setDstaddr("10.0.0.7").setSrcport(34892).setDstport(22)
                        .setProtocol(6).setPackets(54L).setBytes(8855L).setStart(T).setEnd(T.plusSeconds(60)).setAction("ACCEPT")
                        .setLogStatus("OK").setTcpFlags(19).setFlowDirection("ingress").setExtra(Map.of("ecs-cluster-name", "prod"))
                        .setOrigin(origin("vpcflow")).build(),
                AuditEvent.newBuilder().setEventId("de53d94e-f8b3-4111-b2d2-4f1c2f77a2b1").setEventTime(T).setEventSource("cloudtrail.amazonaws.com")
                        .setEventName("StopLogging").setAwsRegion("us-east-1").setSourceIp("198.51.100.7").setUserAgent("aws-cli/2 ünïcødé")
                        .setErrorCode("AccessDenied").setPrincipalType("IAMUser").setPrincipalArn("arn:aws:iam::123456789012:user/alice")
                        .setRequestParameters("{\"name\":\"trail\"}").setResources(List.of("arn:aws:cloudtrail:us-east-1:123456789012:trail/t"))
                        .setRaw("{\"eventName\":\"StopLogging\"}").setOrigin(origin("cloudtrail")).build(),
                ConfigChange.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId("sg-0123").setCaptureTime(T)
                        .setStatus("OK").setConfiguration("{\"ipPermissions\":[]}").setTags(Map.of("env", "prod"))
                        .setRelationships(List.of(new Relationship("Is associated with", "AWS::EC2::Instance", "i-0abc", null)))
                        .setRaw("{}").setOrigin(origin("awsconfig")).build(),
                HostInventory.newBuilder().setHostIdentifier("i-0abc").setQueryName("pack/inventory/deb_packages").setKind(InventoryKind.PACKAGE)
                        .setAction(InventoryAction.ADDED).setEventTime(T).setPackageName("openssl").setPackageVersion("3.0.15-1")
                        .setColumns(Map.of("name", "openssl", "version", "3.0.15-1")).setOrigin(origin("osquery")).build(),
                Finding.newBuilder().setId("f-1").setKind(FindingKind.anomaly).setDetector("audit.sensitive_call").setSeverity(Severity.HIGH)
                        .setEntity("arn:aws:iam::123456789012:user/alice").setEntityType("principal").setEventTime(T).setDetectedAt(T.plusSeconds(1))
                        .setAttack(List.of("T1562.008")).setSummary("alice tried to stop CloudTrail logging")
                        .setEvidence(new Evidence(Map.of("event_name", "StopLogging"), Map.of("expected", "never"), "turns off the audit trail"))
                        .setSources(List.of(new SourceRef("audit.events", 1, 42L, "de53d94e"))).build(),
                ResponseAction.newBuilder().setId("a-1").setIdempotencyKey("k-1").setFindingId("f-1").setPlaybook("compromised-credentials")
                        .setStep("deactivate-key").setActionType("credentials.deactivate_key").setTarget("AKIA...").setStatus(ActionStatus.PLANNED)
                        .setDryRun(true).setRequestedAt(T).setPlan("would deactivate access key AKIA...")
                        .setApprovals(List.of(new Approval("bob", "approved", T, null))).build(),
                DeadLetter.newBuilder().setReason("malformed_line").setDetail("field 6 'x443' is not a port").setSource("/tmp/flows.log")
                        .setPosition("line 3").setPayload(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0, 1})).setPayloadLength(3)
                        .setPayloadTruncated(false).setFailedAt(T).build(),
                BaselineApproval.newBuilder().setResourceType("AWS::EC2::SecurityGroup").setResourceId("sg-0abc").setConfiguration("{\"groupId\":\"sg-0abc\"}")
                        .setApprovedBy("bob").setApprovedAt(T).setSource("config.changes/0/12").setStateId("7").setCaptureTime(T).build(),
                ResponseApproval.newBuilder().setActionKey("k-1").setCaseId("case-1").setApprover("bob").setDecision(ApprovalDecision.APPROVED)
                        .setAt(T).setComment("checked with the owner").build(),
                CustodyRecord.newBuilder().setCaseId("case-1").setSequence(0).setAt(T).setActor("vigil-respond").setAction("volume.snapshot EXECUTED")
                        .setSource("k-1/EXECUTED").setEvidence(Map.of("snapshot.vol-1", "snap-1")).setPrevHash("0".repeat(64)).setHash("ab".repeat(32)).build());
    }

    private Samples() {}
}
