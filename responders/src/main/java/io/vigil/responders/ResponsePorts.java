package io.vigil.responders;

import io.vigil.responders.aws.AwsClients;
import io.vigil.responders.aws.DryRunEc2Containment;
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
public record ResponsePorts(Containment containment, Snapshots snapshots, Credentials credentials, Notify notifier) {

    public static ResponsePorts executing(AwsClients aws) {
        return new ResponsePorts(new Ec2Containment(aws.ec2()), new Ec2Snapshots(aws.ec2()), new IamCredentials(aws.iam()), new LogNotify());
    }

    public static ResponsePorts dryRun(AwsClients aws) {
        return new ResponsePorts(new DryRunEc2Containment(aws.ec2()), new DryRunEc2Snapshots(aws.ec2()),
                new DryRunIamCredentials(aws.iam()), new DryRunNotify());
    }

    /** Dry run without reading the cloud, for when it cannot be reached; {@code why} is recorded with each plan. */
    public static ResponsePorts unread(String why) {
        UnreadPlans plans = new UnreadPlans(why);
        return new ResponsePorts(plans, plans, plans, new DryRunNotify());
    }
}
