package io.vigil.streams.baseline;

/**
 * How a flow profile learns: an entity is judged once it has been seen for {@code learningMillis} of its
 * own event time or produced {@code learningRecords} records, whichever comes first; probe windows span
 * {@code probeWindowMillis}; at most {@code knownPeerServices} (peer bucket, service) pairs are kept;
 * connection windows (all flows per peer and service, for the brute-force and flood detectors) span
 * {@code rateWindowMillis}.
 */
public record ProfileSettings(long learningMillis, long learningRecords, long probeWindowMillis, int knownPeerServices,
                              long rateWindowMillis) {
    public ProfileSettings {
        if (learningMillis < 0 || learningRecords < 1 || probeWindowMillis < 1 || knownPeerServices < 1 || knownPeerServices > 4096
                || rateWindowMillis < 1) {
            throw new IllegalArgumentException("invalid profile settings: " + this);
        }
    }

    /** Connection windows as long as probe windows. */
    public ProfileSettings(long learningMillis, long learningRecords, long probeWindowMillis, int knownPeerServices) {
        this(learningMillis, learningRecords, probeWindowMillis, knownPeerServices, probeWindowMillis);
    }
}
