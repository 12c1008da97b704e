package io.vigil.streams.detect.audit.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.schemas.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain files: the shipped one, a folder of more, and mistakes named by file, line and key. */
class AttackSequencesTest {
    private static final String GOOD = """
            sequences:
              - name: keys-then-leave
                severity: CRITICAL
                attack: [T1098.001, T1562]
                meaning: "made a key and left the organisation"
                steps:
                  - [iam:CreateAccessKey]
                  - [organizations:LeaveOrganization]
            """;

    @TempDir
    Path dir;

    @Test
    void theShippedChainsAreTheFourKnownOnes() {
        List<AttackSequence> shipped = AttackSequences.shipped();
        assertThat(shipped).extracting(AttackSequence::name)
                .containsExactly("backdoor-admin-user", "persistence-then-evasion", "snapshot-exfiltration", "discovery-then-privilege");
        AttackSequence backdoor = shipped.get(0);
        assertThat(backdoor.severity()).isEqualTo(Severity.HIGH);
        assertThat(backdoor.steps()).containsExactly(Set.of("iam:CreateUser"), Set.of("iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:AddUserToGroup"),
                Set.of("iam:CreateAccessKey", "iam:CreateLoginProfile"));
        assertThat(backdoor.meaning()).isEqualTo("created a user, gave it permissions and credentials: a persistent backdoor");
        assertThat(shipped.get(1).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFolderAddsChainsAndReplacesOnesOfTheSameName() throws Exception {
        Files.writeString(dir.resolve("extra.yaml"), GOOD);
        Files.writeString(dir.resolve("quieter.yml"), GOOD.replace("keys-then-leave", "backdoor-admin-user").replace("CRITICAL", "LOW"));
        Files.writeString(dir.resolve("notes.txt"), "not a chain file");
        List<AttackSequence> all = AttackSequences.shippedAnd(dir);
        assertThat(all).extracting(AttackSequence::name).containsExactly("backdoor-admin-user", "persistence-then-evasion", "snapshot-exfiltration",
                "discovery-then-privilege", "keys-then-leave");
        assertThat(all.get(0).severity()).isEqualTo(Severity.LOW);
        assertThat(BurstDetections.chains(Map.of(BurstDetections.SEQUENCES_DIR, dir.toString()))).hasSize(5);
    }

    @Test
    void mistakesNameTheFileTheLineAndTheKey() {
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD.replace("CRITICAL", "URGENT")))
                .hasMessage("x.yaml:3: severity: 'URGENT' is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD.replace("iam:CreateAccessKey", "CreateAccessKey")))
                .hasMessageStartingWith("x.yaml:7: steps: 'CreateAccessKey' is not a call such as iam:CreateUser");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD.replace("    meaning:", "    meening:")))
                .hasMessage("x.yaml:5: meening: unknown key; expected one of attack, meaning, name, severity, steps");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD.replace("      - [organizations:LeaveOrganization]\n", "")))
                .hasMessageStartingWith("x.yaml:7: steps: expected a list of two or more steps");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD.replace("T1562]", "lateral]")))
                .hasMessageStartingWith("x.yaml:4: attack: 'lateral' is not an ATT&CK technique id");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", GOOD + GOOD.replace("sequences:\n", "")))
                .hasMessage("x.yaml:9: name: 'keys-then-leave' is declared twice in this file");
        assertThatThrownBy(() -> AttackSequences.parse("x.yaml", "sequences: [")).hasMessageStartingWith("x.yaml: not valid YAML");
    }

    @Test
    void aBadFolderIsAConfigErrorNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), GOOD.replace("CRITICAL", "URGENT"));
        assertThatThrownBy(() -> BurstDetections.chains(Map.of(BurstDetections.SEQUENCES_DIR, dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining(BurstDetections.SEQUENCES_DIR).hasMessageContaining("bad.yaml:3: severity");
        assertThatThrownBy(() -> BurstDetections.chains(Map.of(BurstDetections.SEQUENCES_DIR, dir.resolve("absent").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a folder");
    }
}
