package io.vigil.responders;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.aws.Estate;
import io.vigil.responders.ledger.Ledger;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.Severity;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Contain, then restore after approval, against moto_server: the instance gets its own security groups,
 * instance profile and termination protection back, the key is active again and the deny policy gone, each
 * asserted through the API; nothing is put back before a valid (four-eyes) approval.
 */
@ExtendWith(MotoExtension.class)
class RestoreMotoTest {

    @Test
    void containThenRestoreAfterAFourEyesApprovalPutsTheInstanceBack(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint()); Responder responder = executing(moto)) {
            String instance = estate.instanceWithProfile("restore-profile");
            String profileArn = estate.describe(instance).iamInstanceProfile().arn();
            Finding f = finding("f-restore-i", "flow.exfiltration", Severity.CRITICAL, instance);
            Ledger ledger = new Ledger();
            responder.handle(f).forEach(ledger::record);
            assertThat(estate.groups(instance)).doesNotContain(estate.web);
            assertThat(profileAssociated(estate, instance)).isFalse();
            String caseId = Ids.caseId(f.getId());

            List<ResponseAction> requests = responder.requestRestore(ledger, caseId, "alice");
            assertThat(requests).singleElement().satisfies(r -> {
                assertThat(r.getStatus()).isEqualTo(ActionStatus.REQUESTED);
                assertThat(r.getActionType()).isEqualTo("instance.restore");
                assertThat(r.getTarget()).isEqualTo(instance);
                assertThat(r.getDetails()).containsEntry("requested_by", "alice").containsEntry("four_eyes", "true");
            });
            requests.forEach(ledger::record);

            assertThat(responder.carryOutApproved(ledger)).as("nothing happens without an approval").isEmpty();
            ledger.record(approval(requests.get(0), "alice", ApprovalDecision.APPROVED));
            assertThat(responder.carryOutApproved(ledger)).as("the requester's own approval does not count").isEmpty();
            assertThat(estate.groups(instance)).doesNotContain(estate.web);

            ledger.record(approval(requests.get(0), "bob", ApprovalDecision.APPROVED));
            List<ResponseAction> done = responder.carryOutApproved(ledger);

            assertThat(done).singleElement().satisfies(r -> {
                assertThat(r.getStatus()).isEqualTo(ActionStatus.REVERTED);
                assertThat(r.getApprovals()).extracting(a -> a.getApprover()).containsExactly("bob");
                assertThat(r.getPlan()).contains("ec2:ModifyInstanceAttribute " + instance + " Groups=[" + estate.web + "]",
                        "ec2:AssociateIamInstanceProfile " + instance + " " + profileArn, "DisableApiTermination=false");
            });
            assertThat(estate.groups(instance)).containsExactly(estate.web);
            assertThat(profileAssociated(estate, instance)).isTrue();
            assertThat(estate.aws.ec2().describeInstanceAttribute(r -> r.instanceId(instance).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
                    .disableApiTermination().value()).isFalse();
            assertThat(responder.carryOutApproved(ledger)).as("a settled request is not carried out twice").isEmpty();
            assertThat(responder.requestRestore(ledger, caseId, "alice")).as("nothing left to restore").isEmpty();
        }
    }

    @Test
    void restoringCredentialsReactivatesTheKeyAndLiftsTheDenyButKeepsSessionsRevoked(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint()); Responder responder = executing(moto)) {
            estate.aws.iam().createUser(r -> r.userName("carol"));
            String key = estate.aws.iam().createAccessKey(r -> r.userName("carol")).accessKey().accessKeyId();
            Finding f = finding("f-restore-k", "audit.sensitive_call", Severity.HIGH, "arn:aws:iam::123456789012:user/carol",
                    Map.of("access_key_id", key), List.of());
            Ledger ledger = new Ledger();
            responder.handle(f).forEach(ledger::record);
            assertThat(keyStatus(estate, "carol", key)).isEqualTo(StatusType.INACTIVE);
            assertThat(denyPolicy(estate, "carol")).isTrue();

            List<ResponseAction> requests = responder.requestRestore(ledger, Ids.caseId(f.getId()), "alice");
            assertThat(requests).extracting(ResponseAction::getActionType).containsExactly("credentials.restore", "credentials.restore");
            requests.forEach(ledger::record);
            ledger.record(approval(requests.get(0), "bob", ApprovalDecision.APPROVED));
            ledger.record(approval(requests.get(1), "bob", ApprovalDecision.REJECTED));
            List<ResponseAction> done = responder.carryOutApproved(ledger);

            assertThat(done).extracting(ResponseAction::getStatus).containsExactly(ActionStatus.REVERTED, ActionStatus.SKIPPED);
            assertThat(done.get(1).getPlan()).startsWith("rejected by bob");
            assertThat(keyStatus(estate, "carol", key)).isEqualTo(StatusType.ACTIVE);
            assertThat(denyPolicy(estate, "carol")).as("the rejected restore left the deny policy").isTrue();
        }
    }

    @Test
    void aDryRunRestorePrintsTheCallsAndChangesNothing(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint()); Responder responder = executing(moto)) {
            String instance = estate.instance("/dev/sda1");
            Finding f = finding("f-restore-dry", "flow.exfiltration", Severity.CRITICAL, instance);
            Ledger ledger = new Ledger();
            responder.handle(f).forEach(ledger::record);
            List<String> contained = estate.groups(instance);

            try (Responder dry = Responder.create(new ResponderOptions(false, Optional.of(moto.endpoint()), Optional.of(Estate.REGION), Optional.empty()),
                    Estate.TESTING)) {
                List<ResponseAction> planned = dry.requestRestore(ledger, Ids.caseId(f.getId()), "alice");
                assertThat(planned).singleElement().satisfies(p -> {
                    assertThat(p.getStatus()).isEqualTo(ActionStatus.PLANNED);
                    assertThat(p.getDryRun()).isTrue();
                    assertThat(p.getPlan()).contains("ec2:ModifyInstanceAttribute " + instance + " Groups=[" + estate.web + "]");
                });
            }
            assertThat(estate.groups(instance)).isEqualTo(contained);
        }
    }

    @Test
    void anInstanceTakenOutOfItsAutoScalingGroupAndTargetGroupIsPutBackByTheRestore(MotoServer moto, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("scaled.yaml"), """
                name: scaled-instance
                match: {detector: "lab.scaled", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain, on_failure: continue}
                  - {name: out-of-service, action: instance.remove_from_service, on_failure: continue}
                """);
        try (Estate estate = new Estate(moto.endpoint()); Responder responder = Responder.create(new ResponderOptions(true, Optional.of(moto.endpoint()),
                Optional.of(Estate.REGION), Optional.of(dir)), Estate.TESTING)) {
            var fleet = io.vigil.responders.aws.ServiceMembershipMotoTest.Fleet.create(estate, "restore-asg");
            String instance = fleet.instance();
            Finding f = finding("f-restore-asg", "lab.scaled", Severity.LOW, instance);
            Ledger ledger = new Ledger();
            List<ResponseAction> done = responder.handle(f).stream().filter(a -> a.getPlaybook().equals("scaled-instance")).toList();
            done.forEach(ledger::record);
            assertThat(done).extracting(ResponseAction::getStatus).containsExactly(ActionStatus.EXECUTED, ActionStatus.EXECUTED);
            assertThat(fleet.group(instance)).isEmpty();
            assertThat(fleet.targets()).doesNotContain(instance);

            List<ResponseAction> requests = responder.requestRestore(ledger, Ids.caseId(f.getId()), "alice").stream()
                    .filter(r -> r.getStep().startsWith("restore-out-of-service")).toList();
            assertThat(requests).singleElement().satisfies(r -> assertThat(r.getActionType()).isEqualTo("instance.restore"));
            requests.forEach(ledger::record);
            ledger.record(approval(requests.get(0), "bob", ApprovalDecision.APPROVED));
            assertThat(responder.carryOutApproved(ledger)).singleElement().satisfies(r -> {
                assertThat(r.getStatus()).isEqualTo(ActionStatus.REVERTED);
                assertThat(r.getPlan()).contains("autoscaling:AttachInstances AutoScalingGroupName=restore-asg", "elasticloadbalancing:RegisterTargets");
            });
            assertThat(fleet.group(instance)).containsExactly("restore-asg");
            assertThat(fleet.targets()).contains(instance);
        }
    }

    private static Responder executing(MotoServer moto) {
        return Responder.create(new ResponderOptions(true, Optional.of(moto.endpoint()), Optional.of(Estate.REGION), Optional.empty()), Estate.TESTING);
    }

    static ResponseApproval approval(ResponseAction request, String approver, ApprovalDecision decision) {
        return ResponseApproval.newBuilder().setActionKey(request.getIdempotencyKey()).setCaseId(request.getDetails().get("case_id"))
                .setApprover(approver).setDecision(decision).setAt(Instant.now()).setComment(null).build();
    }

    private static boolean profileAssociated(Estate estate, String instance) {
        return estate.aws.ec2().describeIamInstanceProfileAssociations(r -> r.filters(Filter.builder().name("instance-id").values(instance).build()))
                .iamInstanceProfileAssociations().stream().anyMatch(a -> "associated".equals(a.stateAsString()));
    }

    private static StatusType keyStatus(Estate estate, String user, String key) {
        return estate.aws.iam().listAccessKeys(r -> r.userName(user)).accessKeyMetadata().stream()
                .filter(k -> k.accessKeyId().equals(key)).map(AccessKeyMetadata::status).findFirst().orElseThrow();
    }

    private static boolean denyPolicy(Estate estate, String user) {
        try {
            estate.aws.iam().getUserPolicy(r -> r.userName(user).policyName("vigil-deny-all"));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }
}
