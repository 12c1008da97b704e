package io.vigil.responders.aws;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.LegalHold;
import io.vigil.responders.evidence.LogLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LockMode;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Legal hold through EC2 and S3. Snapshots: {@code ec2:LockSnapshot} in compliance mode for {@link #LOCK_DAYS}
 * days (after a cooling-off period of {@link #COOL_OFF_HOURS} hours in which a mistaken lock can still be
 * lifted; then nobody, not even the account root, can delete them before the lock expires). Logs:
 * {@code s3:PutObjectLegalHold ON} on every object under the configured prefix last written in the finding's
 * window (a legal hold has no expiry: it stays until removed). In a dry run, the calls are printed with EC2's
 * DryRun answer for the locks.
 *
 * <p>Why: evidence that can be deleted, by the intruder or by a retention rule, is no evidence. Reference: NIST SP
 * 800-86 (integrity of collected data), AWS "Amazon EBS snapshot lock" and "S3 Object Lock legal hold".
 */
public final class AwsLegalHold implements LegalHold {
    static final int LOCK_DAYS = 365;
    static final int COOL_OFF_HOURS = 24;
    /** Objects examined per hold at most; beyond it the outcome says the hold is partial. */
    static final int MAX_OBJECTS = 10_000;

    private final Ec2Client ec2;
    private final S3Client s3;
    private final Optional<LogLocation> logs;
    private final boolean execute;

    public AwsLegalHold(Ec2Client ec2, S3Client s3, Optional<LogLocation> logs, boolean execute) {
        this.ec2 = ec2;
        this.s3 = s3;
        this.logs = logs;
        this.execute = execute;
    }

    @Override
    public Outcome lockSnapshots(String instanceId, ActionContext ctx) {
        List<Snapshot> snapshots;
        try {
            snapshots = ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(Filter.builder().name("tag:" + Ec2Tags.FINDING)
                    .values(ctx.findingId()).build())).snapshots().stream().toList();
        } catch (SdkException e) {
            throw AwsErrors.classify("finding the snapshots of " + ctx.findingId(), e);
        }
        if (snapshots.isEmpty()) {
            return Outcome.skipped("no snapshot is tagged vigil:finding=" + ctx.findingId() + " (a volume.snapshot step makes them)", Map.of());
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> calls = new ArrayList<>();
        for (Snapshot s : snapshots) {
            calls.add("ec2:LockSnapshot SnapshotId=" + s.snapshotId() + " LockMode=compliance LockDuration=" + LOCK_DAYS + " CoolOffPeriod=" + COOL_OFF_HOURS);
            details.put("locked." + s.snapshotId(), LOCK_DAYS + " days, compliance mode");
        }
        try {
            for (Snapshot s : snapshots) {
                if (execute) {
                    lock(s.snapshotId(), false);
                } else {
                    details.put("dry_run_checks." + s.snapshotId(), "LockSnapshot " + AwsErrors.dryRun("ec2:LockSnapshot", () -> lock(s.snapshotId(), true)));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("locking the snapshots of " + ctx.findingId(), e);
        }
        return execute ? Outcome.executed(String.join("; ", calls), details) : Outcome.planned(String.join("; ", calls), details);
    }

    private void lock(String snapshot, boolean dryRun) {
        ec2.lockSnapshot(r -> r.dryRun(dryRun).snapshotId(snapshot).lockMode(LockMode.COMPLIANCE).lockDuration(LOCK_DAYS).coolOffPeriod(COOL_OFF_HOURS));
    }

    @Override
    public Outcome holdLogs(Instant from, Instant to, ActionContext ctx) {
        if (logs.isEmpty()) {
            return Outcome.skipped("no log location configured for legal holds (vigil respond --legal-hold-logs s3://BUCKET/PREFIX)", Map.of());
        }
        LogLocation where = logs.get();
        List<String> keys = new ArrayList<>();
        boolean partial = false;
        int held = 0;
        try {
            int seen = 0;
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(where.bucket()).prefix(where.prefix())).contents()) {
                if (++seen > MAX_OBJECTS) {
                    partial = true;
                    break;
                }
                if (o.lastModified() != null && !o.lastModified().isBefore(from) && !o.lastModified().isAfter(to)) {
                    if (heldAlready(where.bucket(), o.key())) {
                        held++;
                    } else {
                        keys.add(o.key());
                    }
                }
            }
            if (execute) {
                for (String key : keys) {
                    s3.putObjectLegalHold(r -> r.bucket(where.bucket()).key(key).legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
                }
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("putting the logs in " + where + " under legal hold", e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("logs", where.toString());
        details.put("window", from + "/" + to);
        details.put("held", String.join(" ", keys));
        details.put("already_held", String.valueOf(held));
        if (partial) {
            details.put("partial", "only the first " + MAX_OBJECTS + " objects under the prefix were examined; narrow the prefix");
        }
        if (keys.isEmpty()) {
            return Outcome.skipped(held > 0 ? "the " + held + " log object(s) of the window are already under legal hold"
                    : "no log object under " + where + " was written between " + from + " and " + to, details);
        }
        String plan = "s3:PutObjectLegalHold Status=ON on " + keys.size() + " object(s) of " + where + " written between " + from + " and " + to
                + " (" + String.join(", ", keys.stream().limit(5).toList()) + (keys.size() > 5 ? ", …" : "") + ")";
        return execute ? Outcome.executed(plan, details) : Outcome.planned(plan, details);
    }

    private boolean heldAlready(String bucket, String key) {
        try {
            return s3.getObjectLegalHold(r -> r.bucket(bucket).key(key)).legalHold().status() == ObjectLockLegalHoldStatus.ON;
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && "NoSuchObjectLockConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw e;
        }
    }
}
