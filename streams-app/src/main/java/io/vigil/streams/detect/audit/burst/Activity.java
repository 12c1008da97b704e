package io.vigil.streams.detect.audit.burst;

/**
 * One API call remembered in a principal's activity window: enough to count what the burst rules
 * count and to cite the record (topic/partition/offset, event id) behind a finding.
 */
record Activity(long timeMillis, String service, String name, boolean error, String subject,
                String topic, int partition, long offset, String eventId) {}
