package io.vigil.streams.baseline;

import java.util.Arrays;

/**
 * Median and median absolute deviation of a sample: unlike mean and standard deviation, one past spike
 * (or one past exfiltration) does not drag the baseline up and hide the next one.
 */
public record RobustStats(int samples, double median, double mad) {
    /** MAD times this estimates the standard deviation of normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    /** Sorts {@code values[0, n)} in place. */
    public static RobustStats of(double[] values, int n) {
        if (n == 0) {
            return new RobustStats(0, 0, 0);
        }
        Arrays.sort(values, 0, n);
        double median = median(values, n);
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        Arrays.sort(values, 0, n);
        return new RobustStats(n, median, median(values, n));
    }

    /** The value above which an observation is an outlier: median + k standard deviations (MAD-estimated). */
    public double threshold(double k) {
        return median + k * MAD_TO_SIGMA * mad;
    }

    private static double median(double[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
