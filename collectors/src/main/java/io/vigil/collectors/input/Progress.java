package io.vigil.collectors.input;

/**
 * Resumption within one input: how many records (published or dead-lettered, in reader order) an
 * earlier run already committed, and a hook told after each further record, where a checkpointing
 * caller commits its transaction. Readers are deterministic, so the first {@link #skip()} records of a
 * re-read are exactly the ones committed before.
 */
public interface Progress {
    long skip();

    /** @param position records found in the input so far, skipped ones included */
    void advanced(long position);

    /** Reads the input whole, committing nothing in between. */
    static Progress none() {
        return new Progress() {
            @Override
            public long skip() {
                return 0;
            }

            @Override
            public void advanced(long position) {}
        };
    }
}
