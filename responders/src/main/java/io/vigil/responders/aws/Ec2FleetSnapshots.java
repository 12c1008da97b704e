package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.evidence.FanOut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Evidence at fleet scale: snapshots every EBS volume of many instances at once for one finding (a legal
 * hold of a whole application, a worm across an Auto Scaling group). Plans with a few batched reads (the
 * instances, {@value #DESCRIBE_BATCH} ids per DescribeInstances, and the snapshots already taken for the
 * finding), then issues the CreateSnapshot calls through a {@link FanOut}: bounded concurrency, paced to a
 * rate the account's API limits allow. Volumes already snapshotted for the finding are left out, so a re-run
 * does only what is left. Does not wait for completion (snapshots of 1,000 volumes take their time in the
 * background; {@code volume.snapshot} per instance waits).
 */
public final class Ec2FleetSnapshots {
    static final int DESCRIBE_BATCH = 200;

    private final Ec2Client ec2;

    public Ec2FleetSnapshots(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * @param volumes   volume → instance, for every EBS volume of the instances asked for
     * @param toTake    the volumes still without a snapshot for the finding
     * @param reads     describe calls the plan took
     * @param created   volume → snapshot id, for the snapshots this run created (or, in a dry run, none)
     * @param failures  volume → the classified error, for the calls that failed ({@code [retryable]} or {@code [permanent]})
     */
    public record Report(Map<String, String> volumes, List<String> toTake, int reads, Duration planning, Map<String, String> created,
                         Map<String, String> failures, FanOut.Stats issuing) {}

    /** Plans and issues the fan-out; with {@code execute} false every call is made with {@code DryRun=true}. */
    public Report snapshotFleet(List<String> instanceIds, ActionContext ctx, FanOut fanOut, boolean execute) throws InterruptedException {
        long t0 = System.nanoTime();
        Map<String, String> volumes = new LinkedHashMap<>();
        int reads = 0;
        try {
            for (int i = 0; i < instanceIds.size(); i += DESCRIBE_BATCH) {
                List<String> batch = instanceIds.subList(i, Math.min(instanceIds.size(), i + DESCRIBE_BATCH));
                for (var page : ec2.describeInstancesPaginator(r -> r.instanceIds(batch))) {
                    reads++;
                    page.reservations().forEach(res -> res.instances().forEach(inst -> inst.blockDeviceMappings().stream()
                            .filter(m -> m.ebs() != null).forEach(m -> volumes.put(m.ebs().volumeId(), inst.instanceId()))));
                }
            }
            Set<String> taken = new HashSet<>();
            for (var page : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(
                    Filter.builder().name("tag:" + Ec2Tags.FINDING).values(Ec2Tags.tag(Ec2Tags.FINDING, ctx.findingId()).value()).build()))) {
                reads++;
                page.snapshots().stream().filter(s -> s.state() != SnapshotState.ERROR).map(Snapshot::volumeId).forEach(taken::add);
            }
            List<String> toTake = volumes.keySet().stream().filter(v -> !taken.contains(v)).toList();
            Duration planning = Duration.ofNanos(System.nanoTime() - t0);

            List<Callable<String>> calls = new ArrayList<>();
            for (String volume : toTake) {
                List<Tag> tags = new ArrayList<>(Ec2Tags.of(ctx));
                tags.add(Ec2Tags.tag("vigil:instance", volumes.get(volume)));
                calls.add(() -> execute
                        ? ec2.createSnapshot(r -> r.volumeId(volume).description("Vigil evidence: case " + ctx.caseId() + ", " + volumes.get(volume) + " " + volume)
                                .tagSpecifications(Ec2Tags.spec(ResourceType.SNAPSHOT, tags))).snapshotId()
                        : AwsErrors.dryRun("ec2:CreateSnapshot " + volume, () -> ec2.createSnapshot(r -> r.dryRun(true).volumeId(volume))));
            }
            AtomicReference<FanOut.Stats> stats = new AtomicReference<>();
            List<FanOut.Result<String>> results = fanOut.run(calls, stats::set);
            Map<String, String> created = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            for (int i = 0; i < toTake.size(); i++) {
                FanOut.Result<String> r = results.get(i);
                if (r.error() == null) {
                    if (execute) {
                        created.put(toTake.get(i), r.value());
                    }
                } else {
                    ActionException a = r.error() instanceof ActionException ae ? ae
                            : r.error() instanceof SdkException se ? AwsErrors.classify("ec2:CreateSnapshot " + toTake.get(i), se)
                            : new ActionException(r.error().toString(), false, r.error());
                    failures.put(toTake.get(i), (a.retryable() ? "[retryable] " : "[permanent] ") + a.getMessage());
                }
            }
            return new Report(volumes, toTake, reads, planning, created, failures, stats.get());
        } catch (SdkException e) {
            throw AwsErrors.classify("planning the snapshots of " + instanceIds.size() + " instances", e);
        }
    }
}
