package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (dos.fixtures.jsonl beside it: flows and expected verdict). */
class DosDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("dos.fixtures.jsonl", DosDetector.NAME);
    }
}
