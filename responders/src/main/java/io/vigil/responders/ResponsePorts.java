package io.vigil.responders;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.aws.revert.AwsDriftReverts;
import io.vigil.responders.aws.AwsServiceMembership;
import io.vigil.responders.contain.ServiceMembership;
import io.vigil.responders.aws.ebs.EbsSnapshotComparison;
import io.vigil.responders.evidence.SnapshotComparison;
import io.vigil.responders.evidence.LegalHold;
import io.vigil.responders.evidence.LogLocation;
import io.vigil.responders.aws.AwsLegalHold;
import io.vigil.responders.revert.DriftDiff;
import io.vigil.responders.revert.DriftReverts;
import java.util.Map;
import io.vigil.responders.aws.DryRunEc2Containment;
import io.vigil.responders.aws.DryRunEc2ForensicCopies;
import io.vigil.responders.aws.Ec2ForensicCopies;
import io.vigil.responders.evidence.ForensicCopies;
import io.vigil.responders.evidence.ForensicTarget;
import java.util.Optional;
import io.vigil.responders.aws.DryRunEc2Snapshots;
import io.vigil.responders.aws.DryRunIamCredentials;
import io.vigil.responders.aws.Ec2Containment;
import io.vigil.responders.aws.Ec2Snapshots;
import io.vigil.responders.aws.IamCredentials;
import io.vigil.responders.aws.UnreadPlans;
import io.vigil.responders.contain.Containment;
import io.vigil.responders.credentials.Credentials;
import io.vigil.responders.evidence.Snapshots;
import io.vigil.responders.notify.DryRunNotify;
import io.vigil.responders.notify.LogNotify;
import io.vigil.responders.notify.Notify;

/** The adapters a responder acts through, one per port, all either executing or all dry-run. */
public record ResponsePorts(Containment containment, Snapshots snapshots, Credentials credentials, Notify notifier, ForensicCopies forensics,
                            DriftReverts reverts, ServiceMembership membership, SnapshotComparison comparison,
                            LegalHold legalHold) {

    /** Without a forensic account: {@code volume.forensic_copy} steps are skipped, saying so. */
    public ResponsePorts(Containment containment, Snapshots snapshots, Credentials credentials, Notify notifier) {
        this(containment, snapshots, credentials, notifier, (instanceId, ctx) -> io.vigil.responders.action.Outcome.skipped(
                "no forensic account configured (vigil respond --forensic-account and --forensic-kms-key)", java.util.Map.of()));
    }

    /** Without drift reverts and service membership: {@code config.revert} and {@code instance.remove_from_service} steps are skipped, saying so. */
    public ResponsePorts(Containment containment, Snapshots snapshots, Credentials credentials, Notify notifier, ForensicCopies forensics) {
        this(containment, snapshots, credentials, notifier, forensics, new DriftReverts() {
            @Override
            public Outcome revert(DriftDiff diff, ActionContext ctx) {
                return Outcome.skipped("this responder has no drift reverts", Map.of());
            }

            @Override
            public Outcome undo(String resourceId, Map<String, String> recorded, ActionContext ctx) {
                return Outcome.skipped("this responder has no drift reverts", Map.of());
            }
        }, new ServiceMembership() {
            @Override
            public Outcome removeFromService(String instanceId, ActionContext ctx) {
                return Outcome.skipped("this responder does not manage Auto Scaling or load balancer membership", Map.of());
            }

            @Override
            public Outcome returnToService(String instanceId, Map<String, String> recorded, ActionContext ctx) {
                return Outcome.skipped("this responder does not manage Auto Scaling or load balancer membership", Map.of());
            }
        }, (instanceId, ctx) -> Outcome.skipped("this responder does not compare snapshots", Map.of()), new LegalHold() {
            @Override
            public Outcome lockSnapshots(String instanceId, ActionContext ctx) {
                return Outcome.skipped("this responder does not lock snapshots", Map.of());
            }

            @Override
            public Outcome holdLogs(java.time.Instant from, java.time.Instant to, ActionContext ctx) {
                return Outcome.skipped("this responder puts no log under legal hold", Map.of());
            }
        });
    }

    /** The same ports with another notifier (a webhook). */
    public ResponsePorts withNotifier(Notify other) {
        return new ResponsePorts(containment, snapshots, credentials, other, forensics, reverts, membership, comparison, legalHold);
    }

    public static ResponsePorts executing(AwsClients aws) {
        return executing(aws, Optional.empty());
    }

    public static ResponsePorts executing(AwsClients aws, Optional<ForensicTarget> forensic) {
        return executing(aws, forensic, Optional.empty());
    }

    public static ResponsePorts executing(AwsClients aws, Optional<ForensicTarget> forensic, Optional<LogLocation> logs) {
        return new ResponsePorts(new Ec2Containment(aws.ec2()), new Ec2Snapshots(aws.ec2()), new IamCredentials(aws.iam()), new LogNotify(),
                new Ec2ForensicCopies(aws.ec2(), forensic), new AwsDriftReverts(aws.ec2(), aws.s3(), aws.cloudtrail(), true),
                new AwsServiceMembership(aws.autoscaling(), aws.elb(), true), new EbsSnapshotComparison(aws.ec2(), aws.ebs(), true),
                new AwsLegalHold(aws.ec2(), aws.s3(), logs, true));
    }

    public static ResponsePorts dryRun(AwsClients aws) {
        return dryRun(aws, Optional.empty());
    }

    public static ResponsePorts dryRun(AwsClients aws, Optional<ForensicTarget> forensic) {
        return dryRun(aws, forensic, Optional.empty());
    }

    public static ResponsePorts dryRun(AwsClients aws, Optional<ForensicTarget> forensic, Optional<LogLocation> logs) {
        return new ResponsePorts(new DryRunEc2Containment(aws.ec2()), new DryRunEc2Snapshots(aws.ec2()),
                new DryRunIamCredentials(aws.iam()), new DryRunNotify(), new DryRunEc2ForensicCopies(aws.ec2(), forensic),
                new AwsDriftReverts(aws.ec2(), aws.s3(), aws.cloudtrail(), false), new AwsServiceMembership(aws.autoscaling(), aws.elb(), false),
                new EbsSnapshotComparison(aws.ec2(), aws.ebs(), false), new AwsLegalHold(aws.ec2(), aws.s3(), logs, false));
    }

    /** Dry run without reading the cloud, for when it cannot be reached; {@code why} is recorded with each plan. */
    public static ResponsePorts unread(String why) {
        UnreadPlans plans = new UnreadPlans(why);
        return new ResponsePorts(plans, plans, plans, new DryRunNotify(), plans, plans, plans, plans, plans);
    }
}
