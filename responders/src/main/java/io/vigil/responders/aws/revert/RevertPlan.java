package io.vigil.responders.aws.revert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls that return one resource to its baseline (or undo that), each with its exact text for the ledger
 * and, where the API has one, its {@code DryRun} twin; what the revert replaces ({@code undo.*} details);
 * the changed settings it leaves alone and why; or why there is no plan at all.
 */
final class RevertPlan {
    /** One API call: what it is in words, how to make it, and how to ask whether it would be allowed. */
    record Call(String text, Runnable run, Optional<Runnable> dryRun) {}

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<String> notReverted = new ArrayList<>();
    private Optional<String> refusal = Optional.empty();

    static RevertPlan refused(String why) {
        RevertPlan p = new RevertPlan();
        p.refusal = Optional.of(why);
        return p;
    }

    RevertPlan call(String text, Runnable run, Runnable dryRun) {
        calls.add(new Call(text, run, Optional.ofNullable(dryRun)));
        return this;
    }

    RevertPlan detail(String key, String value) {
        details.put(key, value);
        return this;
    }

    RevertPlan notReverted(String what) {
        notReverted.add(what);
        return this;
    }

    List<Call> calls() {
        return calls;
    }

    Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>(details);
        if (!notReverted.isEmpty()) {
            d.put("not_reverted", String.join("; ", notReverted));
        }
        return d;
    }

    List<String> notReverted() {
        return notReverted;
    }

    Optional<String> refusal() {
        return refusal;
    }
}
