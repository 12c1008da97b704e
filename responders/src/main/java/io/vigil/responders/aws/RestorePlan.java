package io.vigil.responders.aws;

import io.vigil.responders.action.ActionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What lifting the isolation of one instance takes, from the record its containment left in the ledger
 * ({@link ContainmentPlan#details()}) and the instance as it is now.
 *
 * @param groups      interface (or the instance, keyed by its id, when it has one interface) → groups to put back,
 *                    only where they differ from the current ones
 * @param associate   the instance profile ARN to associate again, when the instance has none now
 * @param unprotect   whether termination protection is to be turned off again (it was off before containment)
 * @param profileNote why a recorded profile is not put back (another one is attached now), if so
 */
record RestorePlan(InstanceView instance, Map<String, List<String>> groups, Optional<String> associate, boolean unprotect,
                   Optional<String> profileNote) {

    static final String RESTORED = "vigil:restored";

    static RestorePlan of(InstanceView i, Map<String, String> recorded) {
        String previous = recorded.getOrDefault("previous_security_groups", "");
        boolean perInterface = recorded.keySet().stream().anyMatch(k -> k.startsWith("previous_security_groups."));
        if (previous.isBlank() && !perInterface) {
            throw new ActionException("the containment record of " + i.id() + " has no previous_security_groups; nothing to restore from", false, null);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (i.multiHomed()) {
            i.interfaceGroups().forEach((eni, now) -> {
                List<String> wanted = split(recorded.getOrDefault("previous_security_groups." + eni, previous));
                if (!wanted.isEmpty() && !now.equals(wanted)) {
                    groups.put(eni, wanted);
                }
            });
        } else if (!i.securityGroups().equals(split(previous))) {
            groups.put(i.id(), split(previous));
        }
        Optional<String> profile = Optional.ofNullable(recorded.get("previous_instance_profile")).filter(p -> !p.isBlank());
        Optional<String> associate = profile.filter(p -> i.profile().isEmpty());
        Optional<String> note = profile.filter(p -> i.profile().isPresent() && !i.profile().get().profileArn().equals(p))
                .map(p -> "instance profile " + p + " not put back: " + i.profile().get().profileArn() + " is attached now");
        boolean unprotect = "false".equals(recorded.get("termination_protection_was")) && i.terminationProtected();
        return new RestorePlan(i, groups, associate, unprotect, note);
    }

    boolean nothingToDo() {
        return groups.isEmpty() && associate.isEmpty() && !unprotect;
    }

    List<String> calls(String caseId) {
        List<String> calls = new ArrayList<>();
        groups.forEach((where, wanted) -> calls.add(where.equals(instance.id())
                ? "ec2:ModifyInstanceAttribute " + where + " Groups=[" + String.join(",", wanted) + "]"
                : "ec2:ModifyNetworkInterfaceAttribute " + where + " Groups=[" + String.join(",", wanted) + "]"));
        associate.ifPresent(p -> calls.add("ec2:AssociateIamInstanceProfile " + instance.id() + " " + p));
        if (unprotect) {
            calls.add("ec2:ModifyInstanceAttribute " + instance.id() + " DisableApiTermination=false");
        }
        calls.add("ec2:CreateTags " + instance.id() + " " + RESTORED + "=" + caseId);
        profileNote.ifPresent(n -> calls.add("(" + n + ")"));
        return calls;
    }

    Map<String, String> details() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("instance", instance.id());
        d.put("security_groups_before_restore", String.join(",", instance.securityGroups()));
        groups.forEach((where, wanted) -> d.put("restored_security_groups" + (where.equals(instance.id()) ? "" : "." + where), String.join(",", wanted)));
        associate.ifPresent(p -> d.put("restored_instance_profile", p));
        d.put("termination_protection_restored", String.valueOf(unprotect));
        profileNote.ifPresent(n -> d.put("note", n));
        return d;
    }

    private static List<String> split(String groups) {
        return Arrays.stream(groups.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
