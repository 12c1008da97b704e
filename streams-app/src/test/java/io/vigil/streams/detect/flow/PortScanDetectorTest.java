package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (port-scan.fixtures.jsonl beside it: flows and expected verdict). */
class PortScanDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("port-scan.fixtures.jsonl", PortScanDetector.NAME);
    }
}
