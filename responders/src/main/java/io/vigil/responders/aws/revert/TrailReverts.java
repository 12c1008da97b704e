package io.vigil.responders.aws.revert;

import io.vigil.responders.revert.DriftDiff;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * Revert plan for a CloudTrail trail: logging stopped while the baseline had it on gives StartLogging, log
 * file validation turned off gives UpdateTrail EnableLogFileValidation=true, each only when the trail still
 * shows what the finding saw. Vigil never turns logging or validation off to match a baseline that had them
 * off (listed as not reverted), nor reverts other trail settings.
 *
 * <p>Why: stopping the trail is how an intruder blinds the defenders before acting. ATT&CK T1562.008 (disable
 * or modify cloud logs); GuardDuty Stealth:IAMUser/CloudTrailLoggingDisabled; playbook configuration-drift.
 */
final class TrailReverts {
    static final String LOGGING = "isLogging";
    static final String VALIDATION = "logFileValidationEnabled";

    private final CloudTrailClient cloudtrail;

    TrailReverts(CloudTrailClient cloudtrail) {
        this.cloudtrail = cloudtrail;
    }

    RevertPlan revert(DriftDiff d) {
        String trail = d.observed().getOrDefault("arn", d.resourceId());
        if (d.deleted()) {
            return RevertPlan.refused("trail " + d.resourceId() + " was deleted; Vigil does not recreate trails (recreate it by hand, with its bucket and "
                    + "selectors, from the baseline)");
        }
        RevertPlan plan = new RevertPlan().detail("trail", trail);
        for (String path : d.settings()) {
            String was = d.baseline().get(path);
            String seen = d.observed().get(path);
            boolean turnedOff = "true".equals(was) && "false".equals(seen);
            if (path.equals(LOGGING) && turnedOff) {
                boolean logging = Boolean.TRUE.equals(cloudtrail.getTrailStatus(r -> r.name(trail)).isLogging());
                if (logging) {
                    continue; // someone started it again already
                }
                plan.detail("undo.logging", "stopped");
                plan.call("cloudtrail:StartLogging Name=" + trail, () -> cloudtrail.startLogging(r -> r.name(trail)), null);
            } else if (path.equals(VALIDATION) && turnedOff) {
                Trail now = cloudtrail.getTrail(r -> r.name(trail)).trail();
                if (Objects.equals(now.logFileValidationEnabled(), Boolean.TRUE)) {
                    continue;
                }
                plan.detail("undo.log_file_validation", "off");
                plan.call("cloudtrail:UpdateTrail Name=" + trail + " EnableLogFileValidation=true",
                        () -> cloudtrail.updateTrail(r -> r.name(trail).enableLogFileValidation(true)), null);
            } else {
                plan.notReverted(path + " (Vigil turns a trail's logging and log file validation back on, nothing else)");
            }
        }
        return plan;
    }

    /** Stops the logging and turns off the validation the revert turned back on. */
    RevertPlan undo(String trailName, Map<String, String> recorded) {
        String trail = recorded.getOrDefault("trail", trailName);
        RevertPlan plan = new RevertPlan().detail("trail", trail);
        if ("stopped".equals(recorded.get("undo.logging"))) {
            plan.call("cloudtrail:StopLogging Name=" + trail, () -> cloudtrail.stopLogging(r -> r.name(trail)), null);
        }
        if ("off".equals(recorded.get("undo.log_file_validation"))) {
            plan.call("cloudtrail:UpdateTrail Name=" + trail + " EnableLogFileValidation=false",
                    () -> cloudtrail.updateTrail(r -> r.name(trail).enableLogFileValidation(false)), null);
        }
        return plan;
    }
}
