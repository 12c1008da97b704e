package io.vigil.streams.detect.audit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import io.vigil.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final BurstThresholds t = BurstThresholds.defaults();
    private ActivityWindow window;
    private long offset;

    private AuditEvent event(Duration at, String service, String name, String error, String params) {
        return AuditEvent.newBuilder().setEventId("ev-" + offset).setEventTime(T0.plus(at)).setEventSource(service + ".amazonaws.com")
                .setEventName(name).setErrorCode(error).setRequestParameters(params).setPrincipalArn("arn:aws:iam::123456789012:user/eve")
                .setSourceIp("203.0.113.5").setRaw("{}").setOrigin(new Origin("t", "r", "cloudtrail", T0)).build();
    }

    private List<BurstDetector.Burst> feed(AuditEvent e) {
        Activity a = BurstDetector.activity(e, "audit.events", 0, offset++);
        window = BurstDetector.update(window, a, t);
        return BurstDetector.score(window, a, e, t);
    }

    private List<BurstDetector.Burst> feedAll(List<AuditEvent> events) {
        List<BurstDetector.Burst> out = new ArrayList<>();
        events.forEach(e -> out.addAll(feed(e)));
        return out;
    }

    private static final String[][] RECON = {{"iam", "ListUsers"}, {"iam", "ListRoles"}, {"iam", "ListPolicies"}, {"ec2", "DescribeInstances"},
            {"ec2", "DescribeVpcs"}, {"s3", "ListBuckets"}, {"lambda", "ListFunctions20150331"}, {"rds", "DescribeDBInstances"}, {"iam", "GetAccountSummary"}};

    @Test
    void reconBreadthWithinTheWindowFiresOnceCitingTheCalls() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < RECON.length; i++) {
            events.add(event(Duration.ofSeconds(20L * i), RECON[i][0], RECON[i][1], null, null));
        }
        List<BurstDetector.Burst> bursts = feedAll(events);
        assertThat(bursts).singleElement().satisfies(b -> {
            assertThat(b.detection().detector()).isEqualTo("audit.recon_burst");
            assertThat(b.detection().severity()).isEqualTo(Severity.LOW);
            assertThat(b.detection().observed()).containsEntry("count", "8");
            assertThat(b.sources()).hasSize(8);
            assertThat(b.detection().baseline()).containsKey("threshold");
        });
    }

    @Test
    void consolePageLoadsAreNotRecon() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < RECON.length; i++) {
            AuditEvent e = event(Duration.ofSeconds(5L * i), RECON[i][0], RECON[i][1], null, null);
            e.setUserAgent("console.ec2.amazonaws.com");
            events.add(e);
        }
        assertThat(feedAll(events)).isEmpty();
    }

    @Test
    void theSameCallsSpreadOverHoursAreNotABurst() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < RECON.length; i++) {
            events.add(event(Duration.ofMinutes(15L * i), RECON[i][0], RECON[i][1], null, null));
        }
        assertThat(feedAll(events)).isEmpty();
    }

    @Test
    void repeatingOneDescribeIsNotRecon() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(event(Duration.ofSeconds(i), "ssm", "DescribeInstanceInformation", null, null));
        }
        assertThat(feedAll(events)).isEmpty();
    }

    @Test
    void accessDeniedStorm() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(Duration.ofSeconds(5L * i), "iam", "CreateUser", "AccessDenied", null));
        }
        assertThat(feedAll(events)).extracting(b -> b.detection().detector()).containsExactly("audit.error_burst");
    }

    @Test
    void deniedAttemptsOnCredentialStoresAreCredentialAccessNotMereProbing() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(Duration.ofSeconds(5L * i), "ec2", "GetPasswordData", "Client.UnauthorizedOperation", null));
        }
        assertThat(feedAll(events)).singleElement().satisfies(b -> {
            assertThat(b.detection().detector()).isEqualTo("audit.error_burst");
            assertThat(b.detection().severity()).isEqualTo(Severity.MEDIUM);
            assertThat(b.detection().attack()).contains("T1552");
            assertThat(b.detection().summary()).contains("stored credentials");
        });
    }

    @Test
    void aDeniedStormElsewhereStaysLow() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(Duration.ofSeconds(5L * i), "iam", "CreateUser", "AccessDenied", null));
        }
        assertThat(feedAll(events)).singleElement().satisfies(b -> assertThat(b.detection().severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void manyDistinctSecretsButNotOneSecretManyTimes() {
        List<AuditEvent> distinct = new ArrayList<>();
        List<AuditEvent> same = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            distinct.add(event(Duration.ofSeconds(i), "secretsmanager", "GetSecretValue", null, "{\"secretId\":\"prod/db-" + i + "\"}"));
            same.add(event(Duration.ofHours(2).plusSeconds(i), "secretsmanager", "GetSecretValue", null, "{\"secretId\":\"prod/db\"}"));
        }
        assertThat(feedAll(distinct)).extracting(b -> b.detection().detector()).containsExactly("audit.bulk_secret_read");
        assertThat(feedAll(same)).isEmpty();
    }

    @Test
    void bulkDeletion() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(event(Duration.ofSeconds(i), "s3", "DeleteObject", null, "{\"key\":\"k" + i + "\"}"));
        }
        assertThat(feedAll(events)).singleElement().satisfies(b -> {
            assertThat(b.detection().detector()).isEqualTo("audit.destructive_burst");
            assertThat(b.detection().severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void backdoorUserChainInOrderIsAHighSequenceCitingEachStep() {
        List<BurstDetector.Burst> bursts = feedAll(List.of(
                event(Duration.ofSeconds(0), "iam", "CreateUser", null, null),
                event(Duration.ofSeconds(20), "s3", "ListBuckets", null, null),
                event(Duration.ofSeconds(40), "iam", "AttachUserPolicy", null, null),
                event(Duration.ofSeconds(60), "iam", "CreateAccessKey", null, null)));
        assertThat(bursts).singleElement().satisfies(b -> {
            assertThat(b.detection().detector()).isEqualTo("audit.sequence");
            assertThat(b.detection().severity()).isEqualTo(Severity.HIGH);
            assertThat(b.detection().observed()).containsEntry("calls", "iam:CreateUser → iam:AttachUserPolicy → iam:CreateAccessKey");
            assertThat(b.sources()).hasSize(3);
        });
    }

    @Test
    void aChainDeliveredNewestFirstIsJudgedInEventTimeOrder() {
        assertThat(feedAll(List.of(
                event(Duration.ofSeconds(60), "iam", "CreateAccessKey", null, null),
                event(Duration.ofSeconds(40), "iam", "AttachUserPolicy", null, null),
                event(Duration.ofSeconds(0), "iam", "CreateUser", null, null))))
                .extracting(b -> b.detection().detector()).containsExactly("audit.sequence");
    }

    @Test
    void theSameCallsOutOfOrderOrDeniedAreNoChain() {
        assertThat(feedAll(List.of(
                event(Duration.ofSeconds(0), "iam", "CreateAccessKey", null, null),
                event(Duration.ofSeconds(20), "iam", "AttachUserPolicy", null, null),
                event(Duration.ofSeconds(40), "iam", "CreateUser", null, null)))).as("out of order in event time").isEmpty();
        assertThat(feedAll(List.of(
                event(Duration.ofHours(1), "iam", "CreateUser", null, null),
                event(Duration.ofHours(1).plusSeconds(20), "iam", "AttachUserPolicy", "AccessDenied", null),
                event(Duration.ofHours(1).plusSeconds(40), "iam", "CreateAccessKey", null, null)))).isEmpty();
    }

    @Test
    void windowSurvivesItsStoreSerde() {
        feedAll(List.of(event(Duration.ZERO, "iam", "ListUsers", null, null),
                event(Duration.ofSeconds(1), "secretsmanager", "GetSecretValue", "AccessDenied", "{\"secretId\":\"x\"}")));
        window.lastFired.put(BurstRule.ERRORS, 42L);
        window.chainsFired.put("backdoor-admin-user", 43L);
        var serde = ActivityWindowSerde.serde();
        ActivityWindow back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", window));
        assertThat(back.entries).containsExactlyElementsOf(window.entries);
        assertThat(back.lastFired).isEqualTo(window.lastFired);
        assertThat(back.chainsFired).isEqualTo(window.chainsFired);
        assertThat(back.maxTimeMillis).isEqualTo(window.maxTimeMillis);
    }
}
