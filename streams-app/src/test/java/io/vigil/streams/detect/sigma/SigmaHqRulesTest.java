package io.vigil.streams.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.streams.detect.sigma.match.SigmaEngine;
import io.vigil.streams.detect.sigma.rule.ParseResult;
import io.vigil.streams.detect.sigma.rule.RuleParser;
import io.vigil.streams.detect.sigma.rule.RuleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 57 SigmaHQ CloudTrail rules (snapshot in {@code ../shared/data/public/sigmahq-aws-cloudtrail-rules}):
 * each one loads, or is reported with the exact construct that stopped it.
 */
class SigmaHqRulesTest {

    @Test
    void everyRuleLoadsOrIsReportedWithItsConstruct() throws IOException {
        Path dir = SharedData.folder("sigmahq-aws-cloudtrail-rules").resolve("cloudtrail");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSize(57);
        ParseResult all = ParseResult.empty();
        for (Path f : files) {
            ParseResult one = RuleParser.parse(f.getFileName().toString(), Files.readString(f));
            assertThat(one.rules().size() + one.problems().size()).as(f.toString()).isEqualTo(1);
            all = all.plus(one);
        }
        SigmaEngine engine = SigmaEngine.build(all);
        engine.problems().forEach(p -> System.out.println("sigmahq: " + p));
        System.out.println("sigmahq: " + engine.ruleCount() + " of 57 rules load; residual " + engine.residualRules() + "; index " + engine.indexedFields());

        assertThat(engine.ruleCount() + engine.problems().size()).isEqualTo(57);
        assertThat(engine.problems()).allSatisfy(p -> {
            assertThat(p.construct()).isNotBlank();
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(engine.problems()).extracting(RuleProblem::source).doesNotHaveDuplicates();
        assertThat(engine.ruleCount()).isEqualTo(57);
    }
}
