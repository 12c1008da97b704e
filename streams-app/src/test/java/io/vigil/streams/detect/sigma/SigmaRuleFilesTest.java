package io.vigil.streams.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.streams.detect.sigma.match.SigmaEngine;
import org.junit.jupiter.api.Test;

/** The rules Vigil ships all load: a shipped rule that silently failed to load would be a hole nobody sees. */
class SigmaRuleFilesTest {

    @Test
    void everyShippedRuleLoads() {
        SigmaEngine engine = SigmaEngine.build(SigmaRuleFiles.shipped());
        assertThat(engine.problems()).isEmpty();
        assertThat(engine.ruleCount()).isEqualTo(10);
        assertThat(engine.correlations()).hasSize(4);
    }
}
