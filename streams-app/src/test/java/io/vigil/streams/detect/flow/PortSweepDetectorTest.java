package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (port-sweep.fixtures.jsonl beside it: flows and expected verdict). */
class PortSweepDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("port-sweep.fixtures.jsonl", PortSweepDetector.NAME);
    }
}
