package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Set;

/**
 * An ordered chain of calls by one principal within the activity window, declared as data: each step
 * is a set of {@code service:EventName} calls any of which advances the chain (denied calls do not).
 * The shipped chains are in {@code attack-sequences.yaml} beside this class; {@link AttackSequences} reads them
 * and any from {@code vigil.audit.sequences.dir}.
 */
record AttackSequence(String name, List<Set<String>> steps, Severity severity, List<String> attack, String meaning) {}
