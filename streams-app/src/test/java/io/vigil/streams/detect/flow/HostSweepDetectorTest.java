package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (host-sweep.fixtures.jsonl beside it: flows and expected verdict). */
class HostSweepDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("host-sweep.fixtures.jsonl", HostSweepDetector.NAME);
    }
}
