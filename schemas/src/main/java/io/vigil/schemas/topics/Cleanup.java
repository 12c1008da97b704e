package io.vigil.schemas.topics;

/** Kafka cleanup policy of a topic. */
public enum Cleanup {
    /** history: inputs, findings, dead letters. */
    DELETE("delete"),
    /** latest value per key: baselines, inventory, the action ledger. */
    COMPACT("compact");

    private final String kafkaValue;

    Cleanup(String kafkaValue) {
        this.kafkaValue = kafkaValue;
    }

    public String kafkaValue() {
        return kafkaValue;
    }
}
