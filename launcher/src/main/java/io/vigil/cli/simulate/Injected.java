package io.vigil.cli.simulate;

import java.time.Instant;
import java.util.List;

/**
 * Where an attack was written: when it starts (event time), the entities it is about as findings name
 * them (interface/address, principal ARN, resource id), what was done and what should detect it.
 */
record Injected(Attack attack, Instant at, List<String> entities, String detail, List<String> detectors) {
    Injected(Attack attack, Instant at, String detail, String... entities) {
        this(attack, at, List.of(entities), detail, attack.detectors());
    }
}
