package io.vigil.responders.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vigil.responders.action.ActionType;
import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.ResponseAction;

/**
 * {@code vigil_response_actions_total{action_type,status}} (docs/METRICS.md): every ledger entry written;
 * {@code vigil_response_approval_wait_seconds}: how long actions waited for a decision.
 * Every known type and status exists at zero from the start, so the first FAILED action alerts.
 */
public final class ResponderMetrics {
    /** The buckets docs/METRICS.md lists, in seconds. */
    private static final List<Long> SLO = List.of(10L, 30L, 60L, 300L, 900L, 1800L, 3600L, 14400L, 86400L);
    private final MeterRegistry registry;
    private final Timer approvalWait;

    public ResponderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.approvalWait = Timer.builder("vigil_response_approval_wait").description("action requested -> approval decision recorded")
                .serviceLevelObjectives(SLO.stream().map(Duration::ofSeconds).toArray(Duration[]::new)).register(registry);
        for (ActionType type : ActionType.values()) {
            for (ActionStatus status : ActionStatus.values()) {
                counter(type.yamlName(), status.name());
            }
        }
    }

    public static ResponderMetrics none() {
        return new ResponderMetrics(new CompositeMeterRegistry());
    }

    /** {@code vigil_response_approval_wait_seconds}: from an action's request to the decision on it. */
    public void approvalWaited(Duration wait) {
        if (!wait.isNegative()) {
            approvalWait.record(wait);
        }
    }

    public void recorded(ResponseAction a) {
        counter(a.getActionType(), a.getStatus().name()).increment();
    }

    private Counter counter(String actionType, String status) {
        return Counter.builder("vigil_response_actions_total").description("ledger entries written, by action type and status")
                .tag("action_type", actionType).tag("status", status).register(registry);
    }
}
