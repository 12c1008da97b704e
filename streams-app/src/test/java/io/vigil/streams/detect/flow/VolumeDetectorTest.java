package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (volume.fixtures.jsonl beside it: flows and expected verdict). */
class VolumeDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("volume.fixtures.jsonl", VolumeDetector.UNUSUAL_VOLUME);
    }
}
