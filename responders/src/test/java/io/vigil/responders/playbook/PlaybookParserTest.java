package io.vigil.responders.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.responders.action.ActionType;
import io.vigil.responders.action.EntityType;
import io.vigil.schemas.Severity;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybookParserTest {
    private static final String VALID = """
            name: sample
            description: a sample
            match:
              detector: ["flow.*", "!flow.noise"]
              min_severity: high
              entity_type: [instance]
            steps:
              - name: contain
                action: instance.contain
                timeout: 90s
                on_failure: continue
              - name: notify
                action: notify.case
                requires_approval: true
                when:
                  entity_matches: "i-*"
            """;

    @Test
    void readsEveryField() {
        Playbook p = PlaybookParser.parse("sample.yaml", new StringReader(VALID));

        assertThat(p.name()).isEqualTo("sample");
        assertThat(p.match().detectors()).extracting(Glob::pattern).containsExactly("flow.*");
        assertThat(p.match().excludeDetectors()).extracting(Glob::pattern).containsExactly("flow.noise");
        assertThat(p.match().minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(p.match().entityTypes()).containsExactly(EntityType.INSTANCE);
        assertThat(p.steps()).extracting(PlaybookStep::action).containsExactly(ActionType.INSTANCE_CONTAIN, ActionType.NOTIFY_CASE);
        PlaybookStep contain = p.steps().get(0);
        assertThat(contain.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(contain.onFailure()).isEqualTo(OnFailure.CONTINUE);
        assertThat(contain.requiresApproval()).isFalse();
        PlaybookStep notify = p.steps().get(1);
        assertThat(notify.timeout()).isEqualTo(PlaybookParser.DEFAULT_TIMEOUT);
        assertThat(notify.onFailure()).isEqualTo(OnFailure.STOP);
        assertThat(notify.requiresApproval()).isTrue();
        assertThat(notify.when().describe()).isEqualTo("entity matches i-*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "on_failure: continue|on_failure: retry|sample.yaml:11: steps[0].on_failure: expected one of stop, continue, got 'retry'",
        "action: instance.contain|action: instance.reboot|sample.yaml:9: steps[0].action: expected one of instance.contain,",
        "timeout: 90s|timeout: soon|sample.yaml:10: steps[0].timeout: expected a duration such as 30s, 5m, 1h or PT90S, got 'soon'",
        "min_severity: high|min_severity: urgent|sample.yaml:5: match.min_severity: expected one of info, low, medium, high, critical, got 'urgent'",
        "entity_type: [instance]|entity_type: [host]|sample.yaml:6: match.entity_type: expected instance, principal or ip, got 'host'",
        "requires_approval: true|requires_approval: yes please|sample.yaml:14: steps[1].requires_approval: expected true or false, got 'yes please'",
        "description: a sample|colour: blue|sample.yaml:2: colour: unknown key; expected one of configured_by, description, four_eyes, limits, match, name, scope, steps",
        "name: notify|name: contain|sample.yaml:12: steps[1]: step name 'contain' is used twice",
        "entity_type: [instance]|entity_type: [principal]|sample.yaml:9: steps[0].action: instance.contain cannot act on principal entities",
        "detector: [\"flow.*\", \"!flow.noise\"]|detector: [\"!flow.noise\"]|sample.yaml:4: match.detector: expected at least one detector glob",
        "name: sample|name: Sample Book|sample.yaml:1: name: expected lower-case letters, digits and dashes, got 'Sample Book'",
        "entity_matches: \"i-*\"|entity_matched: \"i-*\"|sample.yaml:16: steps[1].when.entity_matched: unknown key; expected one of entity_matches, evidence_has",
    })
    void errorsNameTheFileLineKeyAndExpectedForm(String from, String to, String message) {
        String yaml = VALID.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> PlaybookParser.parse("sample.yaml", new StringReader(yaml)))
                .isInstanceOf(PlaybookException.class).hasMessageStartingWith(message);
    }

    @Test
    void governanceIsReadAndItsMistakesNamed() {
        Playbook p = PlaybookParser.parse("g.yaml", new StringReader("""
                name: g
                configured_by: alice
                four_eyes: true
                limits: {max_instances_per_hour: 5, max_keys_per_hour: 2}
                scope: {allow_accounts: ["111111111111"], deny_tags: ["env=prod", "vigil:protected"]}
                match: {detector: "flow.*", entity_type: instance}
                steps:
                  - {name: snapshot, action: volume.snapshot}
                  - {name: stop, action: instance.stop}
                  - {name: release, action: instance.restore}
                """));
        assertThat(p.governance().configuredBy()).contains("alice");
        assertThat(p.governance().fourEyes()).isTrue();
        assertThat(p.governance().limits().maxInstancesPerHour()).hasValue(5);
        assertThat(p.governance().limits().maxKeysPerHour()).hasValue(2);
        assertThat(p.governance().scope().refusesTags(java.util.Map.of("vigil:protected", "x"))).isPresent();
        assertThat(p.governance().scope().refusesTags(java.util.Map.of("env", "dev"))).isEmpty();
        assertThat(p.governance().scope().refusesAccount("222222222222")).isPresent();
        assertThat(p.steps().get(2).requiresApproval()).as("restores always wait for approval").isTrue();

        assertThatThrownBy(() -> PlaybookParser.parse("s.yaml", new StringReader(
                "name: s\nmatch: {detector: x}\nsteps:\n  - {name: stop, action: instance.stop}\n")))
                .hasMessageStartingWith("s.yaml:4: steps[0]: instance.stop needs a volume.snapshot step before it");
        assertThatThrownBy(() -> PlaybookParser.parse("l.yaml", new StringReader(
                "name: l\nlimits: {max_instances_per_hour: 0}\nmatch: {detector: x}\nsteps: [{name: n, action: notify.case}]\n")))
                .hasMessageStartingWith("l.yaml:2: limits.max_instances_per_hour: expected a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> PlaybookParser.parse("f.yaml", new StringReader(
                "name: f\nfour_eyes: true\nmatch: {detector: x}\nsteps: [{name: n, action: notify.case}]\n")))
                .hasMessageStartingWith("f.yaml:2: four_eyes: four_eyes needs configured_by");
        assertThatThrownBy(() -> PlaybookParser.parse("r.yaml", new StringReader(
                "name: r\nmatch: {detector: x}\nsteps: [{name: n, action: instance.restore, requires_approval: false}]\n")))
                .hasMessageContaining("instance.restore always requires approval");
    }

    @Test
    void missingSectionsAndBrokenYamlAreNamed() {
        assertThatThrownBy(() -> PlaybookParser.parse("a.yaml", new StringReader("name: a\nmatch: {detector: x}\n")))
                .hasMessage("a.yaml:1: steps: missing; it is required");
        assertThatThrownBy(() -> PlaybookParser.parse("b.yaml", new StringReader("name: b\nsteps: [\n")))
                .hasMessageStartingWith("b.yaml:3: not valid YAML");
        assertThatThrownBy(() -> PlaybookParser.parse("c.yaml", new StringReader("")))
                .hasMessageStartingWith("c.yaml: empty; expected a mapping of");
        assertThatThrownBy(() -> PlaybookParser.parse("d.yaml", new StringReader("name: d\nmatch: {detector: x}\nsteps: []\n")))
                .hasMessage("d.yaml:3: steps: expected at least one step");
    }
}
