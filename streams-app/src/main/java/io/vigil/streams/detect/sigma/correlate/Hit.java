package io.vigil.streams.detect.sigma.correlate;

/**
 * One event that matched a rule a correlation counts, as the correlation's window keeps it.
 *
 * @param time      event time (ms)
 * @param rule      index of the matched rule in the correlation's {@code rules}
 * @param value     the value of the {@code value_count} field (null otherwise or when absent)
 * @param eventId   the CloudTrail eventID
 * @param topic     where the event was read, for the finding's sources
 */
public record Hit(long time, int rule, String value, String eventId, String topic, int partition, long offset) {}
