package io.vigil.responders.playbook;

import static io.vigil.responders.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.Finding;
import io.vigil.schemas.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookCatalogTest {
    private static final PlaybookCatalog SHIPPED = PlaybookCatalog.load(Optional.empty());
    private static final String USER = "arn:aws:iam::123456789012:user/alice";

    @Test
    void shipsEveryPlaybookInTheResourcesFolderAndOnlyThose() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/playbooks"))) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", ""))).containsExactlyInAnyOrderElementsOf(PlaybookCatalog.SHIPPED);
        }
        assertThat(SHIPPED.all()).extracting(Playbook::name).containsExactlyInAnyOrderElementsOf(PlaybookCatalog.SHIPPED);
    }

    @Test
    void exfiltrationFromAnInstanceIsAnsweredByOnePlaybook() {
        assertThat(names(finding("f1", "flow.exfiltration", Severity.CRITICAL, "i-0abc123"))).containsExactly("data-exfiltration");
        assertThat(names(finding("f2", "flow.port_scan", Severity.HIGH, "i-0abc123"))).containsExactly("compromised-instance");
    }

    @Test
    void severityAndEntityTypeGateTheMatch() {
        assertThat(names(finding("f3", "flow.exfiltration", Severity.MEDIUM, "i-0abc123"))).isEmpty();
        assertThat(names(finding("f4", "flow.exfiltration", Severity.CRITICAL, "10.0.0.7"))).isEmpty();
        assertThat(names(finding("f5", "audit.sensitive_call", Severity.HIGH, USER))).containsExactly("compromised-credentials");
        assertThat(names(finding("f6", "audit.sensitive_call", Severity.HIGH, "arn:aws:sts::123456789012:assumed-role/app/i-0abc")))
                .containsExactly("compromised-credentials");
        assertThat(names(finding("f7", "audit.sensitive_call", Severity.HIGH, "i-0abc123"))).isEmpty();
    }

    @Test
    void driftAndLegalHold() {
        assertThat(names(finding("f8", "drift.config", Severity.LOW, "sg-0abc"))).containsExactly("configuration-drift");
        Finding held = finding("f9", "flow.new_destination", Severity.INFO, "i-0abc123", Map.of(), List.of("legal-hold"));
        assertThat(names(held)).containsExactly("legal-hold");
        assertThat(names(finding("f10", "drift.package", Severity.MEDIUM, "i-0abc123"))).containsExactly("configuration-drift", "malware-on-host");
        assertThat(names(finding("f11", "drift.package", Severity.LOW, "i-0abc123"))).containsExactly("configuration-drift");
        assertThat(names(finding("f12", "drift.deleted_resource", Severity.MEDIUM, "org-trail"))).containsExactly("configuration-drift", "loss-of-systems");
        assertThat(names(finding("f13", "audit.destructive_burst", Severity.MEDIUM, USER))).containsExactly("loss-of-systems", "suspicious-activity");
        Finding hunted = finding("f14", "audit.first_seen_api", Severity.LOW, USER, Map.of(), List.of("hunt"));
        assertThat(names(hunted)).containsExactly("hunt-follow-up", "suspicious-activity");
    }

    @Test
    void aFolderAddsAndOverridesPlaybooksByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.yaml"), """
                name: data-exfiltration
                match: {detector: "flow.exfil*", min_severity: LOW, entity_type: instance}
                steps:
                  - {name: notify, action: notify.case}
                """);
        Files.writeString(dir.resolve("ignored.txt"), "not a playbook");

        PlaybookCatalog catalog = PlaybookCatalog.load(Optional.of(dir));

        Playbook exfil = catalog.all().stream().filter(p -> p.name().equals("data-exfiltration")).findFirst().orElseThrow();
        assertThat(exfil.source()).isEqualTo(dir.resolve("mine.yaml").toString());
        assertThat(exfil.steps()).hasSize(1);
        assertThat(catalog.all()).hasSize(PlaybookCatalog.SHIPPED.size());
    }

    @Test
    void twoFilesWithOneNameOrAMissingFolderAreErrors(@TempDir Path dir) throws IOException {
        String book = "name: twin\nmatch: {detector: x}\nsteps: [{name: n, action: notify.case}]\n";
        Files.writeString(dir.resolve("a.yaml"), book);
        Files.writeString(dir.resolve("b.yml"), book);

        assertThatThrownBy(() -> PlaybookCatalog.load(Optional.of(dir))).isInstanceOf(PlaybookException.class)
                .hasMessageContaining("b.yml: name: 'twin' is also the name of " + dir.resolve("a.yaml"));
        assertThatThrownBy(() -> PlaybookCatalog.load(Optional.of(dir.resolve("nope")))).hasMessageContaining("not a folder");
    }

    private static List<String> names(Finding f) {
        return SHIPPED.matching(f).stream().map(Playbook::name).toList();
    }
}
