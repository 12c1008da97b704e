package io.vigil.streams.detect.flow;

import io.vigil.schemas.SourceRef;
import io.vigil.streams.finding.Detection;
import java.time.Instant;
import java.util.List;

/** What a flow detector concludes: the detection, its event time, and the flow records that prove it. */
public record FlowAlert(Detection detection, Instant eventTime, List<SourceRef> sources) {}
