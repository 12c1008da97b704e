package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (unusual-port.fixtures.jsonl beside it: flows and expected verdict). */
class UnusualPortDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("unusual-port.fixtures.jsonl", UnusualPortDetector.NAME);
    }
}
