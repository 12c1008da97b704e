package io.vigil.streams.detect.cross;

import io.vigil.schemas.Finding;
import io.vigil.streams.finding.DetectorProcessor;
import io.vigil.streams.finding.Findings;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Record;

/** Thin processor of stage two for openings: get the interface's state → judge its kept flows (pure) → put → forward findings. */
final class NoticeProcessor extends DetectorProcessor<ExposureNotice, InterfaceExposure> {
    NoticeProcessor(String storeName, Clock clock) {
        super(storeName, clock);
    }

    @Override
    public void process(Record<String, ExposureNotice> record) {
        ExposureNotice n = record.value();
        if (n == null) {
            return;
        }
        ExposedPortDetector.Step step = ExposedPortDetector.onNotice(store.get(n.interfaceId()), n);
        store.put(n.interfaceId(), step.state());
        for (ExposedPortDetector.Alert a : step.alerts()) {
            Finding f = Findings.of(a.detection(), a.eventTime(), clock.instant(), a.sources());
            context.forward(new Record<>(f.getEntity(), f, record.timestamp()));
        }
    }
}
