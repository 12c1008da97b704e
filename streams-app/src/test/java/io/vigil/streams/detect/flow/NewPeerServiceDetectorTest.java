package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (new-peer-service.fixtures.jsonl beside it: flows and expected verdict). */
class NewPeerServiceDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("new-peer-service.fixtures.jsonl", NewPeerServiceDetector.NAME);
    }
}
