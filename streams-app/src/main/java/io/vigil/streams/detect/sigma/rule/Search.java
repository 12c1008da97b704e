package io.vigil.streams.detect.sigma.rule;

import java.util.List;

/** One named search identifier of a rule's {@code detection}: field tests, or keywords. */
public sealed interface Search permits Search.Fields, Search.Keywords {

    /** A map (all tests must hold) or a list of maps (any of them): alternatives of conjunctions. */
    record Fields(List<List<FieldTest>> alternatives) implements Search {
        public Fields {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }

    /** A list of values any of which must appear somewhere in the event (case-insensitive, wildcards allowed). */
    record Keywords(List<String> values) implements Search {
        public Keywords {
            values = List.copyOf(values);
        }
    }
}
