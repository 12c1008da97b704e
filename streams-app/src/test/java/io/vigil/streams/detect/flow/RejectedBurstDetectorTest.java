package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (rejected-burst.fixtures.jsonl beside it: flows and expected verdict). */
class RejectedBurstDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("rejected-burst.fixtures.jsonl", RejectedBurstDetector.NAME);
    }
}
