package io.vigil.collectors.format.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.format.vpcflow.ReaderHarness;
import io.vigil.schemas.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CloudTrailReaderTest {
    private final CloudTrailReader reader = new CloudTrailReader(ReaderHarness.CLOCK);

    private static String event(String id, String name) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-08-18T13:01:07Z\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\""
                + name + "\",\"eventID\":\"" + id + "\",\"sourceIPAddress\":\"198.51.100.7\",\"userIdentity\":{\"type\":\"AssumedRole\","
                + "\"arn\":\"arn:aws:sts::123456789012:assumed-role/app/i-0abc\",\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionContext\":{"
                + "\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::123456789012:role/app\"},\"attributes\":{\"mfaAuthenticated\":\"false\"}}}}";
    }

    @Test
    void recordsFileWithoutOptionalFlagsIsRead() {
        ReaderHarness h = ReaderHarness.read(reader, "{\"Records\":[" + event("a", "StopLogging") + "," + event("b", "ListTrails") + "]}");
        List<AuditEvent> events = h.values(AuditEvent.class);
        assertThat(events).extracting(AuditEvent::getEventId).containsExactly("a", "b");
        AuditEvent a = events.get(0);
        assertThat(a.getReadOnly()).isNull();
        assertThat(a.getMfaAuthenticated()).isFalse();
        assertThat(a.getPrincipalArn()).as("a role's sessions share one identity: the role").isEqualTo("arn:aws:iam::123456789012:role/app");
        assertThat(a.getSessionIssuerArn()).isEqualTo("arn:aws:iam::123456789012:role/app");
        assertThat(a.getOrigin().getPosition()).isEqualTo("record 1");
        assertThat(a.getRaw()).contains("StopLogging");
    }

    @Test
    void arrayEventBridgeEnvelopeAndSingleEvent() {
        assertThat(ReaderHarness.read(reader, "[" + event("a", "X") + "," + event("b", "Y") + "]").values(AuditEvent.class)).hasSize(2);
        assertThat(ReaderHarness.read(reader, "{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + event("c", "Z") + "}")
                .values(AuditEvent.class)).extracting(AuditEvent::getEventId).containsExactly("c");
        assertThat(ReaderHarness.read(reader, event("d", "W")).values(AuditEvent.class)).extracting(AuditEvent::getEventId).containsExactly("d");
    }

    @Test
    void jsonLinesKeepGoingPastABadLine() {
        ReaderHarness h = ReaderHarness.read(reader, event("a", "X") + "\n{\"eventName\": broken\n" + event("b", "Y") + "\n{\"eventName\":\"no id\"}\n");
        assertThat(h.values(AuditEvent.class)).extracting(AuditEvent::getEventId).containsExactly("a", "b");
        assertThat(h.rejected()).extracting(r -> r.reason() + "@" + r.position()).containsExactly("malformed_json@line 2", "invalid_event@line 4");
    }

    @Test
    void eventWithoutTimeIsRejectedWithTheFieldNamed() {
        ReaderHarness h = ReaderHarness.read(reader, "{\"Records\":[{\"eventID\":\"x\",\"eventSource\":\"s\",\"eventName\":\"n\",\"eventTime\":\"yesterday\"}]}");
        assertThat(h.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("invalid_event");
            assertThat(r.detail()).contains("eventTime");
        });
    }

    @Test
    void hugeStringsAndDeepNestingAreRefusedNotLoaded() {
        String huge = "{\"Records\":[{\"eventName\":\"" + "A".repeat(12 * 1024 * 1024) + "\"}]}";
        assertThat(ReaderHarness.read(reader, huge).rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("limit_exceeded"));
        String bomb = "{\"Records\":[" + "[".repeat(5000) + "]".repeat(5000) + "]}";
        assertThat(ReaderHarness.read(reader, bomb).rejected()).isNotEmpty();
    }

    @Test
    void invalidUtf8IsRejectedNotGuessed() {
        byte[] good = ("{\"Records\":[" + event("a", "X") + "]}").getBytes(StandardCharsets.UTF_8);
        byte[] bad = good.clone();
        int at = new String(good, StandardCharsets.UTF_8).indexOf("198.51");
        bad[at] = (byte) 0xff;
        ReaderHarness h = ReaderHarness.read(reader, bad);
        assertThat(h.accepted().size() + h.rejected().size()).isEqualTo(1);
        assertThat(h.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).isIn("invalid_utf8", "malformed_json"));
    }

    @Test
    void stratusDetonationFilesReadWhole() throws Exception {
        Path dir = ReaderHarness.sharedData("stratus-red-team-detonation-logs");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data absent");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                ReaderHarness h = ReaderHarness.collect(f);
                assertThat(h.rejected()).as(f.getFileName().toString()).isEmpty();
                assertThat(h.accepted()).as(f.getFileName().toString()).isNotEmpty();
            }
        }
    }
}
