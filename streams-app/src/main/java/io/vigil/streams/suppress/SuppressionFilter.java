package io.vigil.streams.suppress;

import io.vigil.schemas.Finding;
import io.vigil.schemas.Suppression;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Forwards a finding unless a suppression in the global store matches it ({@link SuppressionMatcher}); a thin processor. */
public final class SuppressionFilter implements FixedKeyProcessor<String, Finding, Finding> {
    private FixedKeyProcessorContext<String, Finding> context;
    private KeyValueStore<String, Suppression> store;

    @Override
    public void init(FixedKeyProcessorContext<String, Finding> context) {
        this.context = context;
        this.store = context.getStateStore(Suppressions.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Finding> r) {
        try (KeyValueIterator<String, Suppression> all = store.all()) {
            while (all.hasNext()) {
                if (SuppressionMatcher.matches(all.next().value, r.value())) {
                    return;
                }
            }
        }
        context.forward(r);
    }
}
