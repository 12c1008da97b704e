package io.vigil.streams.detect.audit.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Origin;
import io.vigil.streams.finding.Detection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixtures beside this test: sequences of calls of one role, each with its expected verdict. */
class InstanceCredentialDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ROLE = "arn:aws:iam::123456789012:role/web";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static Stream<JsonNode> fixtures() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(InstanceCredentialDetectorTest.class.getResourceAsStream("instance-credentials.fixtures.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out.stream();
    }

    static AuditEvent call(String session, String key, String ip, String agent, int n) {
        Instant t = T0.plusSeconds(60L * n);
        String raw = "{\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:" + session + "\",\"accessKeyId\":\"" + key
                + "\",\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"" + ROLE + "\"}}}}";
        return AuditEvent.newBuilder().setEventId("e-" + n).setEventTime(t).setEventSource("s3.amazonaws.com").setEventName("ListBuckets")
                .setPrincipalType("AssumedRole").setPrincipalArn(ROLE).setPrincipalId("AROAEXAMPLE:" + session).setAccessKeyId(key)
                .setSessionIssuerArn(ROLE).setPrincipalAccount("123456789012").setSourceIp(ip).setUserAgent(agent).setRaw(raw)
                .setOrigin(new Origin("test", "record " + n, "cloudtrail", t)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verdictsMatchTheFixture(JsonNode fixture) {
        List<String> estate = new ArrayList<>();
        fixture.get("estate").forEach(c -> estate.add(c.asText()));
        InstanceCredentialSettings settings = InstanceCredentialSettings.from(Map.of(InstanceCredentialSettings.ESTATE_NETWORKS, String.join(",", estate)));
        RoleAddresses profile = null;
        int n = 0;
        for (JsonNode c : fixture.get("calls")) {
            AuditEvent e = call(c.get("session").asText(), c.get("key").asText(), c.get("ip").asText(), c.get("agent").asText(), n++);
            List<Detection> ds = InstanceCredentialDetector.score(profile, e, settings);
            String expected = c.get("expect").isNull() ? null : c.get("expect").asText();
            if (expected == null) {
                assertThat(ds).as("call %d of %s", n, fixture.get("name")).isEmpty();
            } else {
                assertThat(ds).as("call %d of %s", n, fixture.get("name")).singleElement().satisfies(d -> {
                    assertThat(d.severity().name()).isEqualTo(expected);
                    assertThat(d.detector()).isEqualTo("audit.instance_credentials_outside");
                    assertThat(d.entity()).isEqualTo(c.get("session").asText());
                    assertThat(d.observed()).containsEntry("source_ip", c.get("ip").asText()).containsEntry("event_id", e.getEventId());
                    assertThat(d.attack()).contains("T1552.005", "T1078.004");
                });
            }
            profile = InstanceCredentialDetector.update(profile, e, settings, ds);
        }
    }

    @Test
    void reportsAtMostTheDailyCapPerAddress() {
        InstanceCredentialSettings settings = InstanceCredentialSettings.from(Map.of(InstanceCredentialSettings.PER_ADDRESS_DAY, 3));
        RoleAddresses profile = null;
        int reported = 0;
        for (int i = 0; i < 10; i++) {
            AuditEvent e = call("i-0317f6c6b66ae9c40", "ASIAKEY1", "1.2.3.4", "aws-cli/2 Darwin/23", i);
            List<Detection> ds = InstanceCredentialDetector.score(profile, e, settings);
            reported += ds.size();
            profile = InstanceCredentialDetector.update(profile, e, settings, ds);
        }
        assertThat(reported).isEqualTo(3);
        AuditEvent nextDay = call("i-0317f6c6b66ae9c40", "ASIAKEY1", "1.2.3.4", "aws-cli/2 Darwin/23", 24 * 60);
        assertThat(InstanceCredentialDetector.score(profile, nextDay, settings)).hasSize(1);
    }

    @Test
    void badEstateNetworkIsRejectedWithTheKey() {
        Executable bad = () -> InstanceCredentialSettings.from(Map.of(InstanceCredentialSettings.ESTATE_NETWORKS, "10.0.0.0/8,not-a-cidr"));
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, bad);
    }
}
