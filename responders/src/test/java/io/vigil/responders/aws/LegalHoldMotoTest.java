package io.vigil.responders.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.evidence.LogLocation;
import io.vigil.schemas.ActionStatus;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/**
 * Legal hold against moto_server: log objects of the finding's day in a bucket created with Object Lock are put
 * under legal hold (dry run first: none is), objects outside the prefix or the window are not, and a second hold
 * finds them held already, as GetObjectLegalHold shows. moto has no LockSnapshot, so the lock is checked by the
 * request EC2 would receive, and the adapter reports the emulator's refusal as a failure.
 */
@ExtendWith(MotoExtension.class)
class LegalHoldMotoTest {

    @Test
    void logObjectsOfTheFindingsWindowAreHeld(MotoServer moto) {
        try (Estate estate = new Estate(moto.endpoint())) {
            var s3 = estate.aws.s3();
            s3.createBucket(r -> r.bucket("org-trail").objectLockEnabledForBucket(true));
            for (String key : List.of("AWSLogs/1/CloudTrail/a.json.gz", "AWSLogs/1/CloudTrail/b.json.gz", "other/c.json.gz")) {
                s3.putObject(r -> r.bucket("org-trail").key(key), RequestBody.fromString("{\"Records\":[]}"));
            }
            ActionContext ctx = Estate.context("f-hold");
            Optional<LogLocation> logs = Optional.of(LogLocation.parse("s3://org-trail/AWSLogs/"));

            Outcome planned = new AwsLegalHold(estate.aws.ec2(), s3, logs, false).holdLogs(ctx.detectedAt().minus(Duration.ofDays(1)), ctx.detectedAt().plusSeconds(3600), ctx);
            assertThat(planned.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(planned.plan()).startsWith("s3:PutObjectLegalHold Status=ON on 2 object(s) of s3://org-trail/AWSLogs/");
            assertThat(held(estate, "AWSLogs/1/CloudTrail/a.json.gz")).isFalse();

            AwsLegalHold hold = new AwsLegalHold(estate.aws.ec2(), s3, logs, true);
            Outcome done = hold.holdLogs(ctx.detectedAt().minus(Duration.ofDays(1)), ctx.detectedAt().plusSeconds(3600), ctx);
            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(held(estate, "AWSLogs/1/CloudTrail/a.json.gz")).isTrue();
            assertThat(held(estate, "AWSLogs/1/CloudTrail/b.json.gz")).isTrue();
            assertThat(held(estate, "other/c.json.gz")).isFalse();
            Outcome again = hold.holdLogs(ctx.detectedAt().minus(Duration.ofDays(1)), ctx.detectedAt().plusSeconds(3600), ctx);
            assertThat(again.status()).isEqualTo(ActionStatus.SKIPPED);
            assertThat(again.plan()).isEqualTo("the 2 log object(s) of the window are already under legal hold");
            Outcome later = hold.holdLogs(ctx.detectedAt().plus(Duration.ofDays(2)), ctx.detectedAt().plus(Duration.ofDays(3)), ctx);
            assertThat(later.status()).isEqualTo(ActionStatus.SKIPPED);
        }
    }

    @Test
    void snapshotsAreLockedInComplianceModeAsTheRequestShows(MotoServer moto) {
        List<String> bodies = new CopyOnWriteArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                var provider = context.requestBody().map(b -> b.contentStreamProvider())
                        .or(() -> context.httpRequest() instanceof software.amazon.awssdk.http.SdkHttpFullRequest full ? full.contentStreamProvider() : Optional.empty());
                StringBuilder seen = new StringBuilder(context.httpRequest().getUri().getRawQuery() == null ? "" : context.httpRequest().getUri().getRawQuery());
                provider.ifPresent(p -> {
                    try (InputStream in = p.newStream()) {
                        seen.append('&').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                bodies.add(seen.toString());
            }
        };
        try (Estate estate = new Estate(moto.endpoint());
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                     .credentialsProvider(Estate.TESTING).overrideConfiguration(o -> o.addExecutionInterceptor(capture)
                             .retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)).build()) {
            String volume = ec2.createVolume(r -> r.size(8).availabilityZone("us-east-1a")).volumeId();
            String snapshot = ec2.createSnapshot(r -> r.volumeId(volume).tagSpecifications(Ec2Tags.spec(ResourceType.SNAPSHOT,
                    Ec2Tags.of(Estate.context("f-lock"))))).snapshotId();
            AwsLegalHold hold = new AwsLegalHold(ec2, estate.aws.s3(), Optional.empty(), true);

            assertThatThrownBy(() -> hold.lockSnapshots("i-0abc", Estate.context("f-lock"))).isInstanceOf(ActionException.class)
                    .hasMessageContaining("locking the snapshots of f-lock");
            assertThat(bodies).anySatisfy(b -> assertThat(b).contains("Action=LockSnapshot", "SnapshotId=" + snapshot, "LockMode=compliance",
                    "LockDuration=365", "CoolOffPeriod=24"));
            assertThat(hold.holdLogs(java.time.Instant.EPOCH, java.time.Instant.now(), Estate.context("f-lock")).plan())
                    .startsWith("no log location configured for legal holds");
        }
    }

    private static boolean held(Estate estate, String key) {
        try {
            return estate.aws.s3().getObjectLegalHold(r -> r.bucket("org-trail").key(key)).legalHold().status() == ObjectLockLegalHoldStatus.ON;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            return false;
        }
    }
}
