package io.vigil.streams.detect.audit.principal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Severity;
import io.vigil.streams.finding.Detection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrincipalDetectorTest {
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
    private final PrincipalDetector.Learning learning = PrincipalDetector.Learning.defaults();
    private PrincipalProfile profile;
    private int n;

    private AuditEvent event(Duration at, String service, String name, String ip, String ua, String region) {
        return AuditEvent.newBuilder().setEventId("ev-" + n++).setEventTime(T0.plus(at)).setEventSource(service + ".amazonaws.com").setEventName(name)
                .setSourceIp(ip).setUserAgent(ua).setAwsRegion(region).setPrincipalArn("arn:aws:iam::123456789012:user/backup")
                .setRaw("{}").setOrigin(new Origin("t", "r", "cloudtrail", T0)).build();
    }

    private List<Detection> feed(AuditEvent e) {
        List<Detection> d = PrincipalDetector.score(profile, e, learning);
        profile = PrincipalDetector.update(profile, e, learning);
        return d;
    }

    @BeforeEach
    void learnTwoDaysOfRoutine() {
        profile = null;
        for (int i = 0; i < 96; i++) {
            String[] call = i % 2 == 0 ? new String[] {"s3", "PutObject"} : new String[] {"ec2", "CreateSnapshot"};
            assertThat(feed(event(Duration.ofMinutes(30L * i), call[0], call[1], "10.20.4." + (i % 5 + 1), "aws-sdk-go/1.50 linux", "eu-west-1")))
                    .as("nothing is judged while learning").isEmpty();
        }
    }

    @Test
    void routineCallsFromKnownPlacesAreQuiet() {
        assertThat(feed(event(Duration.ofHours(49), "s3", "PutObject", "10.20.4.200", "aws-sdk-go/1.51 linux", "eu-west-1"))).isEmpty();
    }

    @Test
    void newNetworkWithANewToolIsMediumAndNamesTheBaseline() {
        List<Detection> d = feed(event(Duration.ofHours(49), "s3", "PutObject", "203.0.113.66", "python-requests/2.31", "eu-west-1"));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.detector()).isEqualTo("audit.new_source");
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.observed()).containsEntry("new", "network 203.0.113.0/24, tool python-requests");
            assertThat(x.baseline()).containsEntry("known_networks", "10.20.4.0/24").containsEntry("events", "96");
        });
        assertThat(feed(event(Duration.ofHours(50), "s3", "PutObject", "203.0.113.67", "python-requests/2.31", "eu-west-1")))
                .as("once seen, the network is part of the baseline").isEmpty();
    }

    @Test
    void firstSensitiveWriteIsMediumAFirstReadIsNothing() {
        assertThat(feed(event(Duration.ofHours(49), "iam", "ListUsers", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1"))).isEmpty();
        assertThat(feed(event(Duration.ofHours(49), "iam", "CreateUser", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1")))
                .singleElement().satisfies(x -> {
                    assertThat(x.detector()).isEqualTo("audit.first_seen_api");
                    assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                });
        assertThat(feed(event(Duration.ofHours(49), "sqs", "SendMessage", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1")))
                .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void learningEndsOnceEnoughCallsSpanEnoughTime() {
        assertThat(profile.learnedAt).as("the 49th call at 24 h makes 49 calls: the 50th, 24.5 h in, ends learning")
                .isEqualTo(T0.plus(Duration.ofMinutes(30L * 49)).toEpochMilli());
        PrincipalProfile fresh = PrincipalDetector.update(null, event(Duration.ZERO, "s3", "PutObject", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1"),
                learning);
        assertThat(fresh.learnedAt).isNull();
    }

    @Test
    void aRarelyUsedSensitiveCallBackAfterDaysIsMediumRepeatedRoutineIsNot() {
        for (int i = 96; i < 250; i++) {
            feed(event(Duration.ofMinutes(30L * i), "s3", "PutObject", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1"));
        }
        assertThat(feed(event(Duration.ofHours(126), "iam", "CreateAccessKey", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1")))
                .singleElement().satisfies(x -> assertThat(x.detector()).isEqualTo("audit.first_seen_api"));
        assertThat(feed(event(Duration.ofHours(127), "iam", "CreateAccessKey", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1")))
                .as("the same job an hour later: one use").isEmpty();
        List<Detection> back = feed(event(Duration.ofDays(8), "iam", "CreateAccessKey", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1"));
        assertThat(back).singleElement().satisfies(x -> {
            assertThat(x.detector()).isEqualTo("audit.rare_api");
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.baseline()).containsEntry("api_calls_before", "2").containsKey("api_last_called");
        });
        assertThat(feed(event(Duration.ofDays(8).plusMinutes(1), "s3", "PutObject", "10.20.4.1", "aws-sdk-go/1.50 linux", "eu-west-1")))
                .as("routine is never rare").isEmpty();
    }

    @Test
    void aProfileSurvivesItsStoreSerdeWithCountsAndLearning() {
        var serde = PrincipalProfileSerde.serde();
        PrincipalProfile back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", profile));
        assertThat(back.learnedAt).isEqualTo(profile.learnedAt);
        assertThat(back.apiCalls).containsEntry("s3:PutObject", 48L).containsEntry("ec2:CreateSnapshot", 48L);
    }

    @Test
    void agentFamiliesDropVersionsAndStratusRunIds() {
        assertThat(PrincipalDetector.agentFamily("aws-cli/2.15.0 Python/3.11 Darwin/23")).isEqualTo("aws-cli");
        assertThat(PrincipalDetector.agentFamily("console.ec2.amazonaws.com")).isEqualTo("console");
        assertThat(PrincipalDetector.agentFamily("stratus-red-team_fccf7123-0651-41f5-b06c-460da5ee1c94")).isEqualTo("stratus-red-team");
        assertThat(PrincipalDetector.network("2001:db8:1234:a100::1")).isEqualTo("2001:db8:1234::/48");
        assertThat(PrincipalDetector.network("s3.amazonaws.com")).isNull();
    }

    @Test
    void profileSurvivesItsStoreSerde() {
        var serde = PrincipalProfileSerde.serde();
        PrincipalProfile back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", profile));
        assertThat(back.events).isEqualTo(profile.events);
        assertThat(back.networks).isEqualTo(profile.networks);
        assertThat(List.copyOf(back.apis.keySet())).isEqualTo(List.copyOf(profile.apis.keySet()));
    }
}
