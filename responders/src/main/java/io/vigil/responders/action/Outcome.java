package io.vigil.responders.action;

import io.vigil.schemas.ActionStatus;
import java.util.Map;

/**
 * What an adapter did or would do: {@link ActionStatus#PLANNED} (dry run), {@link ActionStatus#EXECUTED},
 * or {@link ActionStatus#SKIPPED} (already in the wanted state, or not applicable). Failures are thrown as
 * {@link ActionException} instead.
 *
 * @param plan    the calls made or to be made, in words, as recorded in the ledger
 * @param details what a restore needs (previous security groups, profile, key owner) and what was created
 */
public record Outcome(ActionStatus status, String plan, Map<String, String> details) {

    public Outcome {
        details = Map.copyOf(details);
    }

    public static Outcome planned(String plan, Map<String, String> details) {
        return new Outcome(ActionStatus.PLANNED, plan, details);
    }

    public static Outcome executed(String plan, Map<String, String> details) {
        return new Outcome(ActionStatus.EXECUTED, plan, details);
    }

    public static Outcome skipped(String reason, Map<String, String> details) {
        return new Outcome(ActionStatus.SKIPPED, reason, details);
    }
}
