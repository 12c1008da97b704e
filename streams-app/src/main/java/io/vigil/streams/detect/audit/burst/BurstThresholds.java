package io.vigil.streams.detect.audit.burst;

import java.time.Duration;

/**
 * How many of what, within how long, makes a burst. Defaults follow common SOC practice (e.g. Sigma's
 * and Panther's AWS recon and AccessDenied rules): high enough that a console page load or a deploy
 * script does not trip them.
 */
record BurstThresholds(Duration window, int reconDistinctApis, int reconDistinctServices, int errors, int secrets, int deletions) {

    static BurstThresholds defaults() {
        return new BurstThresholds(Duration.ofMinutes(10), 8, 2, 10, 5, 20);
    }

    int threshold(BurstRule rule) {
        return switch (rule) {
            case RECON -> reconDistinctApis;
            case ERRORS -> errors;
            case SECRETS -> secrets;
            case DESTRUCTION -> deletions;
            case SEQUENCE -> 1;
        };
    }
}
