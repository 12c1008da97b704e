package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The entity's ECS fields by its type: a principal is {@code user.id} (the ARN) and {@code user.name};
 * an instance is {@code host.id} and {@code cloud.instance.id}; a host is {@code host.name}; an IP or
 * interface entity is {@code host.ip}. Network ends go to {@code source.ip} / {@code destination.ip};
 * every IP and user name is repeated in {@code related.*}, which Elastic Security pivots on.
 */
final class EcsEntity {
    private EcsEntity() {}

    static void addTo(ObjectNode d, Finding f, Entity entity, Endpoints ends) {
        Set<String> ips = new LinkedHashSet<>();
        switch (entity.kind()) {
            case PRINCIPAL -> {
                ObjectNode user = d.putObject("user");
                user.put("id", entity.id());
                user.put("name", entity.name());
                d.putObject("related").putArray("user").add(entity.name());
            }
            case INSTANCE -> d.putObject("host").put("id", entity.id());
            case HOST -> d.putObject("host").put("name", entity.name());
            case IP, INTERFACE -> {
                if (entity.ip() != null) {
                    d.putObject("host").putArray("ip").add(entity.ip());
                    ips.add(entity.ip());
                }
            }
            default -> { }
        }
        if (ends.src() != null) {
            d.putObject("source").put("ip", ends.src());
            ips.add(ends.src());
        }
        if (ends.dst() != null) {
            d.putObject("destination").put("ip", ends.dst());
            ips.add(ends.dst());
        }
        if (!ips.isEmpty()) {
            ArrayNode related = (d.has("related") ? (ObjectNode) d.get("related") : d.putObject("related")).putArray("ip");
            ips.forEach(related::add);
        }
        cloud(d, f, entity);
    }

    private static void cloud(ObjectNode d, Finding f, Entity entity) {
        ObjectNode cloud = d.putObject("cloud");
        cloud.put("provider", "aws");
        if (f.getAccount() != null) {
            cloud.putObject("account").put("id", f.getAccount());
        }
        String region = f.getEvidence().getObserved().get("region");
        if (region != null) {
            cloud.put("region", region);
        }
        if (entity.kind() == Entity.Kind.INSTANCE) {
            cloud.putObject("instance").put("id", entity.id());
        }
    }
}
