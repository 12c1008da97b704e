package io.vigil.responders.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FourEyesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void neitherTheRequesterNorTheConfigurerCountsAndARejectionWins() {
        ResponseAction request = request(Map.of("requested_by", "vigil-respond", "configured_by", "alice", "four_eyes", "true"));

        assertThat(FourEyes.whyNot(request, "alice")).hasValueSatisfying(w -> assertThat(w).contains("configured the playbook"));
        assertThat(FourEyes.whyNot(request, "VIGIL-RESPOND")).hasValueSatisfying(w -> assertThat(w).contains("requested this action"));
        assertThat(FourEyes.whyNot(request, "bob")).isEmpty();

        FourEyes.Verdict onlyAlice = FourEyes.decide(request, List.of(approval("alice", ApprovalDecision.APPROVED)));
        assertThat(onlyAlice.decision()).isEmpty();
        assertThat(onlyAlice.refused()).hasSize(1);
        assertThat(FourEyes.decide(request, List.of(approval("alice", ApprovalDecision.APPROVED), approval("bob", ApprovalDecision.APPROVED))).approved())
                .isTrue();
        FourEyes.Verdict vetoed = FourEyes.decide(request, List.of(approval("bob", ApprovalDecision.APPROVED), approval("carol", ApprovalDecision.REJECTED)));
        assertThat(vetoed.rejected()).isTrue();
        assertThat(vetoed.decision().orElseThrow().getApprover()).isEqualTo("carol");
    }

    @Test
    void withoutFourEyesAnyNamedPersonMayDecide() {
        ResponseAction request = request(Map.of("requested_by", "vigil-respond", "configured_by", "alice", "four_eyes", "false"));
        assertThat(FourEyes.decide(request, List.of(approval("alice", ApprovalDecision.APPROVED))).approved()).isTrue();
        assertThat(FourEyes.whyNot(request, " ")).isPresent();
    }

    private static ResponseAction request(Map<String, String> details) {
        return ResponseAction.newBuilder().setId("k/requested").setIdempotencyKey("k").setFindingId("f").setPlaybook("p").setStep("s")
                .setActionType("instance.contain").setTarget("i-0abc").setStatus(ActionStatus.REQUESTED).setDryRun(false).setRequestedAt(T)
                .setPlan("awaiting approval").setDetails(details).build();
    }

    private static ResponseApproval approval(String who, ApprovalDecision d) {
        return ResponseApproval.newBuilder().setActionKey("k").setCaseId("c").setApprover(who).setDecision(d).setAt(T).build();
    }
}
