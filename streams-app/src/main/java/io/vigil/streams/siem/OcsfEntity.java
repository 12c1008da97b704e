package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;

/**
 * Where a finding's entity goes in an OCSF event: {@code evidences} (actor user for a principal,
 * source/destination endpoints for network entities, resources for the rest), {@code resources}
 * (Resource Details) and {@code observables}, the pivots a SIEM indexes. Observable names are the
 * attribute paths of the values they point at, as OCSF asks.
 */
final class OcsfEntity {
    /** Observable type ids (OCSF observable.type_id). */
    static final int HOSTNAME = 1;
    static final int IP_ADDRESS = 2;
    static final int USER_NAME = 4;
    static final int RESOURCE_UID = 10;

    private OcsfEntity() {}

    static void evidences(ArrayNode out, Entity entity, Endpoints ends) {
        ObjectNode evidence = out.addObject();
        if (entity.kind() == Entity.Kind.PRINCIPAL) {
            ObjectNode user = evidence.putObject("actor").putObject("user");
            user.put("uid", entity.id());
            user.put("name", entity.name());
        }
        if (ends.src() != null) {
            endpoint(evidence.putObject("src_endpoint"), ends.src(), ends.entitySide() == Endpoints.Side.SRC ? entity : null);
        }
        if (ends.dst() != null) {
            endpoint(evidence.putObject("dst_endpoint"), ends.dst(), ends.entitySide() == Endpoints.Side.DST ? entity : null);
        }
        if (entity.isResource()) {
            resource(evidence.putArray("resources").addObject(), entity, null);
        }
        if (evidence.isEmpty()) {
            // An entity of an unknown type: Evidence Artifacts needs at least one attribute, data is the catch-all.
            evidence.putObject("data").put("entity", entity.id()).put("entity_type", entity.type());
        }
    }

    private static void endpoint(ObjectNode ep, String ip, Entity entity) {
        ep.put("ip", ip);
        if (entity != null && entity.kind() == Entity.Kind.INSTANCE) {
            ep.put("instance_uid", entity.id());
        }
        if (entity != null && entity.interfaceId() != null) {
            ep.put("interface_uid", entity.interfaceId());
        }
    }

    /** Resource Details of the entity; {@code f}, when given, names a resource's AWS type from its evidence. */
    static void resource(ObjectNode r, Entity entity, Finding f) {
        r.put("uid", entity.kind() == Entity.Kind.INTERFACE ? entity.interfaceId() : entity.id());
        r.put("name", entity.name());
        r.put("type", resourceType(entity, f));
    }

    private static String resourceType(Entity entity, Finding f) {
        String awsType = f == null ? null : f.getEvidence().getObserved().get("resource_type");
        return switch (entity.kind()) {
            case INSTANCE -> "AWS::EC2::Instance";
            case INTERFACE -> "AWS::EC2::NetworkInterface";
            case RESOURCE -> awsType != null ? awsType : entity.type();
            default -> entity.type();
        };
    }

    static void observables(ArrayNode out, Entity entity, Endpoints ends) {
        switch (entity.kind()) {
            case PRINCIPAL -> observable(out, "evidences.actor.user.name", USER_NAME, entity.name());
            case HOST -> observable(out, "resources.name", HOSTNAME, entity.name());
            case INSTANCE, INTERFACE, RESOURCE -> observable(out, "resources.uid", RESOURCE_UID,
                    entity.kind() == Entity.Kind.INTERFACE ? entity.interfaceId() : entity.id());
            default -> { }
        }
        if (ends.src() != null) {
            observable(out, "evidences.src_endpoint.ip", IP_ADDRESS, ends.src());
        }
        if (ends.dst() != null) {
            observable(out, "evidences.dst_endpoint.ip", IP_ADDRESS, ends.dst());
        }
    }

    static void observable(ArrayNode out, String name, int typeId, String value) {
        ObjectNode o = out.addObject();
        o.put("name", name);
        o.put("type_id", typeId);
        o.put("type", switch (typeId) {
            case HOSTNAME -> "Hostname";
            case IP_ADDRESS -> "IP Address";
            case USER_NAME -> "User Name";
            default -> "Resource UID";
        });
        o.put("value", value);
    }

    /** The cloud profile's object: Vigil reads AWS, and the finding's account is the AWS account. */
    static void cloud(ObjectNode c, Finding f) {
        c.put("provider", "AWS");
        c.putObject("account").put("uid", f.getAccount());
        String region = f.getEvidence().getObserved().get("region");
        if (region != null) {
            c.put("region", region);
        }
    }
}
