package io.vigil.responders.contain;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import java.util.Map;

/**
 * Port: take a contained instance out of service and put it back. An Auto Scaling group replaces (and may
 * terminate) an instance that fails its health checks once quarantined, which would destroy the evidence;
 * a load balancer keeps sending it users. Out of service, the group launches a replacement instead.
 */
public interface ServiceMembership {

    /**
     * Detaches the instance from its Auto Scaling group (the group keeps its desired capacity, so it launches a
     * replacement) and deregisters it from every load balancer target group; records both for a restore. An
     * instance in neither gives {@link io.vigil.schemas.ActionStatus#SKIPPED}.
     *
     * @throws io.vigil.responders.action.ActionException when the cloud refuses or cannot be reached
     */
    Outcome removeFromService(String instanceId, ActionContext ctx);

    /** Attaches the instance to the group and registers it with the target groups recorded by {@link #removeFromService}. */
    Outcome returnToService(String instanceId, Map<String, String> recorded, ActionContext ctx);
}
