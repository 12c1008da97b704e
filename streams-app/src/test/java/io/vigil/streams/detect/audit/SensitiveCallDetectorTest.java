package io.vigil.streams.detect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.finding.Detection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (sensitive-call.fixtures.jsonl beside it: event and expected verdict). */
class SensitiveCallDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream("sensitive-call.fixtures.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode f = json.readTree(line);
                tests.add(DynamicTest.dynamicTest(f.get("case").asText(), () -> {
                    Optional<Detection> d = SensitiveCallDetector.score(AuditEvents.fromFixture(f));
                    if (f.get("expect").isNull()) {
                        assertThat(d).isEmpty();
                    } else {
                        assertThat(d).isPresent();
                        assertThat(d.get().severity().name()).isEqualTo(f.get("expect").asText());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void explainsWhatWhoAndWhy() {
        Detection d = SensitiveCallDetector.score(AuditEvents.event("e-9", "cloudtrail.amazonaws.com", "StopLogging", "AccessDenied")).orElseThrow();
        assertThat(d.detector()).isEqualTo("audit.sensitive_call");
        assertThat(d.entity()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(d.attack()).containsExactly("T1562.008");
        assertThat(d.summary()).contains("StopLogging").contains("denied").contains("198.51.100.7");
        assertThat(d.observed()).containsEntry("event_id", "e-9").containsEntry("outcome", "denied");
        assertThat(d.evidenceKey()).isEqualTo("e-9");
    }
}
