package io.vigil.responders.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vigil.responders.action.ActionType;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;

/**
 * {@code vigil_response_actions_total{action_type,status}} (docs/METRICS.md): every ledger entry written.
 * Every known type and status exists at zero from the start, so the first FAILED action alerts.
 */
public final class ResponderMetrics {
    private final MeterRegistry registry;

    public ResponderMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ActionType type : ActionType.values()) {
            for (ActionStatus status : ActionStatus.values()) {
                counter(type.yamlName(), status.name());
            }
        }
    }

    public static ResponderMetrics none() {
        return new ResponderMetrics(new CompositeMeterRegistry());
    }

    public void recorded(ResponseAction a) {
        counter(a.getActionType(), a.getStatus().name()).increment();
    }

    private Counter counter(String actionType, String status) {
        return Counter.builder("vigil_response_actions_total").description("ledger entries written, by action type and status")
                .tag("action_type", actionType).tag("status", status).register(registry);
    }
}
