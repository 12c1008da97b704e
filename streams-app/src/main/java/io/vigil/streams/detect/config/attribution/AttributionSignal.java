package io.vigil.streams.detect.config.attribution;

import io.vigil.schemas.Finding;

/**
 * What travels through the {@code config-attribution} repartition topic, keyed by resource id: a drift
 * finding of the resource, or a call that named it. Exactly one of the two is set.
 */
public record AttributionSignal(Finding finding, ChangeCall call) {
    public static AttributionSignal of(Finding f) {
        return new AttributionSignal(f, null);
    }

    public static AttributionSignal of(ChangeCall c) {
        return new AttributionSignal(null, c);
    }
}
