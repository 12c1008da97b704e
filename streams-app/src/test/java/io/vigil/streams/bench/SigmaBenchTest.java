package io.vigil.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench runs and reports; its figures are for {@code vigil bench sigma}, only sanity is asserted here (shared CI cores). */
class SigmaBenchTest {

    @Test
    void reportsBothRatesAndTheirRatio() {
        SigmaBench.Result r = SigmaBench.run(Long.getLong("sigma.bench.events", 20_000), List.of());
        assertThat(r.allRules()).isEqualTo(10);
        assertThat(r.oneRulePerSecond()).isPositive();
        assertThat(r.allMatches()).isGreaterThan(r.oneMatches());
        assertThat(r.lines()).hasSize(3).last().asString().startsWith("ratio all/1: ");
        r.lines().forEach(System.out::println);
    }
}
