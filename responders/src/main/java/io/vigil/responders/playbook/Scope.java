package io.vigil.responders.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a playbook may act at all. Accounts are the finding's; tags are the target instance's own (read
 * from the cloud), written {@code key=value} or {@code key} (any value). Deny wins over allow; an empty
 * allow list allows everything not denied. Out-of-scope steps are recorded as SKIPPED with the reason;
 * {@code notify.case} is never out of scope (people should still hear about it).
 */
public record Scope(Set<String> allowAccounts, Set<String> denyAccounts, List<String> allowTags, List<String> denyTags) {
    public static final Scope ANY = new Scope(Set.of(), Set.of(), List.of(), List.of());

    public boolean usesTags() {
        return !allowTags.isEmpty() || !denyTags.isEmpty();
    }

    /** Why the account is out of scope, if it is. */
    public Optional<String> refusesAccount(String account) {
        if (account != null && denyAccounts.contains(account)) {
            return Optional.of("account " + account + " is on the playbook's deny_accounts");
        }
        if (!allowAccounts.isEmpty() && (account == null || !allowAccounts.contains(account))) {
            return Optional.of("account " + account + " is not on the playbook's allow_accounts " + allowAccounts);
        }
        return Optional.empty();
    }

    /** Why an instance with these tags is out of scope, if it is. */
    public Optional<String> refusesTags(Map<String, String> tags) {
        List<String> denied = new ArrayList<>(denyTags.stream().filter(t -> carries(tags, t)).toList());
        if (!denied.isEmpty()) {
            return Optional.of("the target carries " + String.join(", ", denied) + " (deny_tags)");
        }
        if (!allowTags.isEmpty() && allowTags.stream().noneMatch(t -> carries(tags, t))) {
            return Optional.of("the target carries none of " + allowTags + " (allow_tags)");
        }
        return Optional.empty();
    }

    private static boolean carries(Map<String, String> tags, String spec) {
        int eq = spec.indexOf('=');
        return eq < 0 ? tags.containsKey(spec) : spec.substring(eq + 1).equals(tags.get(spec.substring(0, eq)));
    }
}
