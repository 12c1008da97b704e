package io.vigil.streams.finding;

import io.vigil.schemas.Finding;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The part every thin detector processor shares: its state store (one state per entity) and the
 * context findings are forwarded to. Subclasses hold only {@code process}: get → pure call → put → forward.
 *
 * @param <V> the input record's value
 * @param <S> the per-entity state
 */
public abstract class DetectorProcessor<V, S> implements Processor<String, V, String, Finding> {
    private final String storeName;
    /** Stamps {@code detected_at} only: detections themselves run on event time. */
    protected final Clock clock;
    protected ProcessorContext<String, Finding> context;
    protected KeyValueStore<String, S> store;

    protected DetectorProcessor(String storeName, Clock clock) {
        this.storeName = storeName;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }
}
