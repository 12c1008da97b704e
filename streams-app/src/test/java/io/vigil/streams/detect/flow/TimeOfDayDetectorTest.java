package io.vigil.streams.detect.flow;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The detector against its fixtures (time-of-day.fixtures.jsonl beside it: flows and expected verdict). */
class TimeOfDayDetectorTest {

    @TestFactory
    List<DynamicTest> fixtures() throws Exception {
        return FlowFixtures.run("time-of-day.fixtures.jsonl", TimeOfDayDetector.NAME);
    }
}
