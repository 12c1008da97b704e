package io.vigil.responders.ledger;

import io.vigil.schemas.ApprovalDecision;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may decide on a request. A request that asks for four eyes ({@code four_eyes=true} in its details:
 * every restore, and the steps of playbooks with {@code four_eyes: true}) may not be approved or rejected
 * by whoever requested it ({@code requested_by}) or configured the playbook behind it ({@code configured_by}).
 * A valid rejection wins over approvals.
 */
public final class FourEyes {
    public static final String REQUESTED_BY = "requested_by";
    public static final String CONFIGURED_BY = "configured_by";
    public static final String FOUR_EYES = "four_eyes";

    /**
     * @param decision the deciding approval, if any valid one was given
     * @param refused  approvals that did not count, each with the reason
     */
    public record Verdict(Optional<ResponseApproval> decision, List<String> refused) {
        public boolean approved() {
            return decision.filter(d -> d.getDecision() == ApprovalDecision.APPROVED).isPresent();
        }

        public boolean rejected() {
            return decision.filter(d -> d.getDecision() == ApprovalDecision.REJECTED).isPresent();
        }
    }

    private FourEyes() {}

    /** Why this person may not decide on the request, if they may not. */
    public static Optional<String> whyNot(ResponseAction request, String approver) {
        if (approver == null || approver.isBlank()) {
            return Optional.of("an approval must name who approves");
        }
        if (!"true".equals(request.getDetails().get(FOUR_EYES))) {
            return Optional.empty();
        }
        String requestedBy = request.getDetails().get(REQUESTED_BY);
        if (approver.equalsIgnoreCase(requestedBy)) {
            return Optional.of("four eyes: " + approver + " requested this action and cannot also approve it");
        }
        String configuredBy = request.getDetails().get(CONFIGURED_BY);
        if (approver.equalsIgnoreCase(configuredBy)) {
            return Optional.of("four eyes: " + approver + " configured the playbook behind this action and cannot also approve it");
        }
        return Optional.empty();
    }

    public static Verdict decide(ResponseAction request, List<ResponseApproval> approvals) {
        List<String> refused = new ArrayList<>();
        List<ResponseApproval> valid = new ArrayList<>();
        for (ResponseApproval a : approvals) {
            Optional<String> why = whyNot(request, a.getApprover());
            if (why.isPresent()) {
                refused.add(why.get());
            } else {
                valid.add(a);
            }
        }
        Optional<ResponseApproval> decision = valid.stream().filter(a -> a.getDecision() == ApprovalDecision.REJECTED).findFirst()
                .or(() -> valid.stream().filter(a -> a.getDecision() == ApprovalDecision.APPROVED).findFirst());
        return new Verdict(decision, refused);
    }
}
