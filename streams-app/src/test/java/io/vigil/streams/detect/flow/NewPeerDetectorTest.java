package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (new-peer.fixtures.jsonl beside it: flows and expected verdict). */
class NewPeerDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("new-peer.fixtures.jsonl", NewPeerDetector.NAME);
    }
}
