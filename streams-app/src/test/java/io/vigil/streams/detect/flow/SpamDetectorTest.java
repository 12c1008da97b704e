package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (spam.fixtures.jsonl beside it: flows and expected verdict). */
class SpamDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("spam.fixtures.jsonl", SpamDetector.NAME);
    }
}
