package io.vigil.responders.aws.ebs;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** Block indexes written as ranges ({@code 0-3, 17}), the form a person reads "where on the disk" in. */
final class BlockRanges {
    private BlockRanges() {}

    static String of(SortedSet<Integer> blocks) {
        List<String> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int b : blocks) {
            if (start == null) {
                start = b;
            } else if (b != prev + 1) {
                out.add(start.equals(prev) ? String.valueOf(start) : start + "-" + prev);
                start = b;
            }
            prev = b;
        }
        if (start != null) {
            out.add(start.equals(prev) ? String.valueOf(start) : start + "-" + prev);
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
