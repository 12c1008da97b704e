package io.vigil.collectors.format;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;

/** The input formats Vigil reads, named as in {@code replay --stats}, with the topic each feeds. */
public enum Format {
    VPCFLOW("vpcflow", Topics.dlq(Topics.FLOWS_RAW.name())),
    CLOUDTRAIL("cloudtrail", Topics.dlq(Topics.AUDIT_EVENTS.name())),
    AWSCONFIG("awsconfig", Topics.dlq(Topics.CONFIG_CHANGES.name())),
    OSQUERY("osquery", Topics.dlq(Topics.INVENTORY_HOST.name())),
    UNKNOWN("unknown", Topics.COLLECTOR_DLQ);

    private final String label;
    private final TopicSpec<DeadLetter> deadLetters;

    Format(String label, TopicSpec<DeadLetter> deadLetters) {
        this.label = label;
        this.deadLetters = deadLetters;
    }

    public String label() {
        return label;
    }

    /** Where records of this format that cannot be read are sent. */
    public TopicSpec<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
