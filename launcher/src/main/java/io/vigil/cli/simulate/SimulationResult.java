package io.vigil.cli.simulate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a simulation wrote and where it injected each attack. */
record SimulationResult(List<WrittenFile> files, List<Injected> injected) {

    /** Files and records per format, in format order. */
    Map<String, long[]> byFormat() {
        Map<String, long[]> out = new TreeMap<>();
        for (WrittenFile f : files) {
            long[] counts = out.computeIfAbsent(f.format(), k -> new long[2]);
            counts[0]++;
            counts[1] += f.records();
        }
        return out;
    }
}
