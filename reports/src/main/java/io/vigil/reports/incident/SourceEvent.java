package io.vigil.reports.incident;

import java.time.Instant;

/**
 * One input record behind a case's findings, as read back from its topic at the partition and offset
 * the finding names, described in words: when (its event time), who or what acted, what happened.
 * Every text here comes from logs and is attacker-controlled; renderers escape it.
 */
public record SourceEvent(String topic, int partition, long offset, Instant at, String who, String what, String detail) {

    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
