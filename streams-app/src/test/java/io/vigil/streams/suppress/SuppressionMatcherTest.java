package io.vigil.streams.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.Evidence;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import io.vigil.schemas.Suppression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionMatcherTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private static Finding finding(String detector, String entity, Map<String, String> observed) {
        return Finding.newBuilder().setId("f").setKind(FindingKind.anomaly).setDetector(detector).setSeverity(Severity.HIGH).setEntity(entity)
                .setEntityType("interface").setEventTime(T).setDetectedAt(T).setAttack(List.of()).setSummary("s")
                .setEvidence(new Evidence(observed, Map.of(), "r")).setSources(List.of()).build();
    }

    private static Suppression.Builder suppression() {
        return Suppression.newBuilder().setId("s").setReason("the vulnerability scanner").setCreatedBy("carol").setCreatedAt(T.minusSeconds(3600));
    }

    @Test
    void aScannersNetworkSilencesItsScansOnly() {
        Suppression scanner = suppression().setDetector("flow.port_scan").setCidr("10.0.5.0/24").build();
        assertThat(SuppressionMatcher.matches(scanner, finding("flow.port_scan", "eni-1", Map.of("scanner", "10.0.5.17")))).isTrue();
        assertThat(SuppressionMatcher.matches(scanner, finding("flow.port_scan", "10.0.5.17", Map.of()))).as("the entity itself").isTrue();
        assertThat(SuppressionMatcher.matches(scanner, finding("flow.port_scan", "eni-1", Map.of("scanner", "10.0.6.17")))).isFalse();
        assertThat(SuppressionMatcher.matches(scanner, finding("flow.brute_force", "eni-1", Map.of("peer", "10.0.5.17")))).isFalse();
        assertThat(SuppressionMatcher.matches(scanner, finding("flow.port_scan", "eni-1", Map.of()))).as("no address to judge").isFalse();
    }

    @Test
    void ipv6NetworksAndFamiliesOfDetectors() {
        Suppression v6 = suppression().setDetector("flow.*").setCidr("2001:db8:1234::/48").build();
        assertThat(SuppressionMatcher.matches(v6, finding("flow.new_peer", "eni-1", Map.of("peer", "2001:db8:1234:a102::7")))).isTrue();
        assertThat(SuppressionMatcher.matches(v6, finding("audit.new_source", "eni-1", Map.of("source_ip", "2001:db8:1234:a102::7")))).isFalse();
    }

    @Test
    void anEntityAndEveryDetector() {
        Suppression job = suppression().setEntity("arn:aws:iam::123456789012:role/backup").build(); // detector defaults to *
        assertThat(SuppressionMatcher.matches(job, finding("audit.recon_burst", "arn:aws:iam::123456789012:role/backup", Map.of()))).isTrue();
        assertThat(SuppressionMatcher.matches(job, finding("audit.recon_burst", "arn:aws:iam::123456789012:role/other", Map.of()))).isFalse();
    }

    @Test
    void expiryIsJudgedOnTheFindingsEventTime() {
        Suppression until = suppression().setDetector("*").setEntity("eni-1").setExpiresAt(T.plusSeconds(1)).build();
        assertThat(SuppressionMatcher.matches(until, finding("flow.port_scan", "eni-1", Map.of()))).isTrue();
        Suppression expired = suppression().setDetector("*").setEntity("eni-1").setExpiresAt(T).build();
        assertThat(SuppressionMatcher.matches(expired, finding("flow.port_scan", "eni-1", Map.of()))).isFalse();
    }

    @Test
    void aMalformedNetworkSilencesNothing() {
        Suppression typo = suppression().setCidr("10.0.5.0/33").build();
        assertThat(SuppressionMatcher.matches(typo, finding("flow.port_scan", "10.0.5.1", Map.of()))).isFalse();
    }
}
