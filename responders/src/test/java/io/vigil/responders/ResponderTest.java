package io.vigil.responders;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.contain.Containment;
import io.vigil.responders.credentials.Credentials;
import io.vigil.responders.evidence.Snapshots;
import io.vigil.responders.notify.CaseEvent;
import io.vigil.responders.notify.Notify;
import io.vigil.responders.playbook.PlaybookCatalog;
import io.vigil.responders.playbook.PlaybookParser;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class ResponderTest {
    private static final String USER = "arn:aws:iam::123456789012:user/alice";

    /** Records every call and answers as told. */
    private static final class FakePorts implements Containment, Snapshots, Credentials, Notify {
        final List<String> calls = new ArrayList<>();
        RuntimeException containmentFails;
        CountDownLatch snapshotsHang;
        CaseEvent lastEvent;

        ResponsePorts ports() {
            return new ResponsePorts(this, this, this, this);
        }

        @Override
        public Outcome isolateInstance(String instanceId, ActionContext ctx) {
            calls.add("contain " + instanceId);
            if (containmentFails != null) {
                throw containmentFails;
            }
            return Outcome.executed("isolated " + instanceId, Map.of("previous_security_groups", "sg-web"));
        }

        @Override
        public Outcome snapshotVolumes(String instanceId, ActionContext ctx) {
            calls.add("snapshot " + instanceId);
            if (snapshotsHang != null) {
                try {
                    snapshotsHang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Outcome.executed("snapshotted " + instanceId, Map.of());
        }

        @Override
        public Outcome deactivateAccessKey(String accessKeyId, ActionContext ctx) {
            calls.add("deactivate " + accessKeyId);
            return Outcome.executed("deactivated", Map.of());
        }

        @Override
        public Outcome denyAllForUser(String userName, ActionContext ctx) {
            calls.add("deny " + userName);
            return Outcome.executed("denied", Map.of());
        }

        @Override
        public Outcome revokeRoleSessions(String roleName, ActionContext ctx) {
            calls.add("revoke " + roleName);
            return Outcome.executed("revoked", Map.of());
        }

        @Override
        public Outcome restoreInstance(String instanceId, Map<String, String> recorded, ActionContext ctx) {
            calls.add("restore " + instanceId + " to " + recorded.get("previous_security_groups"));
            return Outcome.executed("restored " + instanceId, Map.of());
        }

        @Override
        public Outcome stopInstance(String instanceId, ActionContext ctx) {
            calls.add("stop " + instanceId);
            return Outcome.executed("stopped " + instanceId, Map.of());
        }

        @Override
        public Map<String, String> tags(String instanceId) {
            return Map.of();
        }

        @Override
        public Outcome reactivateAccessKey(String accessKeyId, Map<String, String> recorded, ActionContext ctx) {
            calls.add("reactivate " + accessKeyId);
            return Outcome.executed("reactivated", Map.of());
        }

        @Override
        public Outcome liftUserDeny(String userName, ActionContext ctx) {
            calls.add("lift " + userName);
            return Outcome.executed("lifted", Map.of());
        }

        @Override
        public Outcome caseEvent(CaseEvent event, ActionContext ctx) {
            calls.add("notify " + event.caseId());
            lastEvent = event;
            return Outcome.executed("notified", Map.of());
        }
    }

    private final FakePorts fake = new FakePorts();

    @Test
    void exfiltrationContainsSnapshotsAndNotifiesInOrder() {
        try (Responder r = Responder.of(PlaybookCatalog.load(Optional.empty()), fake.ports(), true)) {
            List<ResponseAction> actions = r.handle(finding("f1", "flow.exfiltration", Severity.CRITICAL, "i-0abc"));

            assertThat(actions).extracting(ResponseAction::getActionType).containsExactly("instance.contain", "volume.snapshot", "notify.case");
            assertThat(actions).allSatisfy(a -> {
                assertThat(a.getStatus()).isEqualTo(ActionStatus.EXECUTED);
                assertThat(a.getDryRun()).isFalse();
                assertThat(a.getPlaybook()).isEqualTo("data-exfiltration");
                assertThat(a.getFindingId()).isEqualTo("f1");
                assertThat(a.getTarget()).isEqualTo("i-0abc");
                assertThat(a.getCompletedAt()).isNotNull();
            });
            assertThat(actions.get(0).getDetails()).containsEntry("previous_security_groups", "sg-web").containsKey("case_id");
            assertThat(fake.lastEvent.stepsSoFar()).containsExactly("contain instance.contain EXECUTED", "snapshot-volumes volume.snapshot EXECUTED");
        }
    }

    @Test
    void idempotencyKeysAreStableAndARedeliveredFindingRepeatsNothing() {
        Finding f = finding("f2", "flow.exfiltration", Severity.CRITICAL, "i-0abc");
        try (Responder r = Responder.of(PlaybookCatalog.load(Optional.empty()), fake.ports(), true)) {
            List<ResponseAction> first = r.handle(f);
            List<ResponseAction> second = r.handle(f);

            assertThat(second).extracting(ResponseAction::getIdempotencyKey)
                    .containsExactlyElementsOf(first.stream().map(ResponseAction::getIdempotencyKey).toList());
            assertThat(second).extracting(ResponseAction::getStatus).containsOnly(ActionStatus.SKIPPED);
            assertThat(fake.calls).hasSize(3);
        }
        assertThat(Ids.idempotencyKey("f2", "data-exfiltration", "contain")).isEqualTo(first(f).getIdempotencyKey());
    }

    @Test
    void conditionsDecideWhichCredentialStepsRun() {
        try (Responder r = Responder.of(PlaybookCatalog.load(Optional.empty()), fake.ports(), true)) {
            List<ResponseAction> withKey = r.handle(finding("f3", "audit.sensitive_call", Severity.HIGH, USER,
                    Map.of("access_key_id", "AKIAEXAMPLE"), List.of()));

            assertThat(withKey).extracting(ResponseAction::getStep, ResponseAction::getStatus).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("deactivate-key", ActionStatus.EXECUTED),
                    org.assertj.core.groups.Tuple.tuple("deny-user", ActionStatus.EXECUTED),
                    org.assertj.core.groups.Tuple.tuple("revoke-role-sessions", ActionStatus.SKIPPED),
                    org.assertj.core.groups.Tuple.tuple("notify", ActionStatus.EXECUTED));
            assertThat(withKey.get(0).getTarget()).isEqualTo("AKIAEXAMPLE");
            assertThat(withKey.get(2).getPlan()).isEqualTo("condition not met: entity matches arn:aws*:*::*:*role/*");
            assertThat(fake.calls).containsExactly("deactivate AKIAEXAMPLE", "deny alice", "notify " + Ids.caseId("f3"));

            List<ResponseAction> session = r.handle(finding("f4", "audit.sensitive_call", Severity.CRITICAL,
                    "arn:aws:sts::123456789012:assumed-role/app/i-0abc"));
            assertThat(session).extracting(ResponseAction::getStatus)
                    .containsExactly(ActionStatus.SKIPPED, ActionStatus.SKIPPED, ActionStatus.EXECUTED, ActionStatus.EXECUTED);
            assertThat(fake.calls).contains("revoke app");
        }
    }

    @Test
    void aFailedStepIsRecordedWithItsErrorClassAndStopPolicyApplies() {
        fake.containmentFails = new ActionException("isolating i-0abc: Throttling: Rate exceeded", true, null);
        Responder r = Responder.of(catalog("""
                name: strict
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain, on_failure: stop}
                  - {name: snapshot, action: volume.snapshot}
                """), fake.ports(), true);
        try (r) {
            List<ResponseAction> actions = r.handle(finding("f5", "flow.exfiltration", Severity.HIGH, "i-0abc"));

            assertThat(actions.get(0).getStatus()).isEqualTo(ActionStatus.FAILED);
            assertThat(actions.get(0).getError()).isEqualTo("isolating i-0abc: Throttling: Rate exceeded");
            assertThat(actions.get(0).getDetails()).containsEntry("error_class", "retryable");
            assertThat(actions.get(1).getStatus()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(actions.get(1).getPlan()).isEqualTo("not run: step contain failed and its on_failure is stop");
            assertThat(fake.calls).containsExactly("contain i-0abc");
        }
    }

    @Test
    void aStepThatOverrunsItsTimeoutFailsAndTheNextOneRuns() {
        fake.snapshotsHang = new CountDownLatch(1);
        Responder r = Responder.of(catalog("""
                name: slow
                match: {detector: "flow.*"}
                steps:
                  - {name: snapshot, action: volume.snapshot, timeout: 1s, on_failure: continue}
                  - {name: notify, action: notify.case}
                """), fake.ports(), true);
        try (r) {
            List<ResponseAction> actions = r.handle(finding("f6", "flow.exfiltration", Severity.HIGH, "i-0abc"));

            assertThat(actions.get(0).getStatus()).isEqualTo(ActionStatus.FAILED);
            assertThat(actions.get(0).getError()).isEqualTo("timed out after PT1S");
            assertThat(actions.get(1).getStatus()).isEqualTo(ActionStatus.EXECUTED);
        } finally {
            fake.snapshotsHang.countDown();
        }
    }

    @Test
    void approvalIsRequestedWhenExecutingAndNotedWhenPlanning() {
        String yaml = """
                name: careful
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: contain, action: instance.contain, requires_approval: true}
                """;
        Finding f = finding("f7", "flow.exfiltration", Severity.HIGH, "i-0abc");
        try (Responder executing = Responder.of(catalog(yaml), fake.ports(), true)) {
            ResponseAction a = executing.handle(f).get(0);
            assertThat(a.getStatus()).isEqualTo(ActionStatus.REQUESTED);
            assertThat(a.getPlan()).isEqualTo("awaiting approval: instance.contain on i-0abc");
            assertThat(fake.calls).isEmpty();
        }
        try (Responder planning = Responder.of(catalog(yaml), ResponsePorts.unread("test"), false)) {
            ResponseAction a = planning.handle(f).get(0);
            assertThat(a.getStatus()).isEqualTo(ActionStatus.PLANNED);
            assertThat(a.getDryRun()).isTrue();
            assertThat(a.getDetails()).containsEntry("requires_approval", "true");
        }
    }

    @Test
    void aDryRunWithoutCredentialsPlansFromTheFindingAlone() {
        ResponderOptions opts = new ResponderOptions(false, Optional.empty(), Optional.of("us-east-1"), Optional.empty());
        try (Responder r = Responder.create(opts, () -> {
            throw SdkClientException.create("Unable to load credentials");
        })) {
            List<ResponseAction> actions = r.handle(finding("f8", "flow.exfiltration", Severity.CRITICAL, "i-0abc"));

            assertThat(actions).extracting(ResponseAction::getStatus).containsOnly(ActionStatus.PLANNED);
            assertThat(actions).allSatisfy(a -> assertThat(a.getDryRun()).isTrue());
            assertThat(actions.get(0).getPlan()).contains("ec2:ModifyInstanceAttribute i-0abc DisableApiTermination=true");
            assertThat(actions.get(0).getDetails()).containsEntry("cloud_state", "unread: Unable to load credentials");
        }
    }

    @Test
    void executingWithoutCredentialsRefusesToStart() {
        ResponderOptions opts = new ResponderOptions(true, Optional.empty(), Optional.of("us-east-1"), Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Responder.create(opts, () -> {
            throw SdkClientException.create("Unable to load credentials");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs AWS credentials and a region");
    }

    private ResponseAction first(Finding f) {
        try (Responder r = Responder.of(PlaybookCatalog.load(Optional.empty()), ResponsePorts.unread("test"), false)) {
            return r.handle(f).get(0);
        }
    }

    private static PlaybookCatalog catalog(String yaml) {
        return new PlaybookCatalog(List.of(PlaybookParser.parse("test.yaml", new StringReader(yaml))));
    }
}
