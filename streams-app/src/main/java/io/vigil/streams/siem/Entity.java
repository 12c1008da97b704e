package io.vigil.streams.siem;

import io.vigil.schemas.Finding;

/**
 * A finding's entity, read once for every SIEM format: what kind of thing it is and the parts a SIEM
 * indexes in their own fields. Findings carry the entity as one string plus {@code entity_type}
 * (principal, instance, interface, ip, resource, host); an interface entity is {@code eni-…/address},
 * so the split happens here rather than in each mapper.
 *
 * @param ip the entity's IP literal (ip and interface entities), else null
 * @param interfaceId the network interface id (interface entities), else null
 * @param name a short display name: a principal's last ARN segment, else the entity itself
 */
record Entity(Kind kind, String id, String type, String ip, String interfaceId, String name) {

    enum Kind { PRINCIPAL, INSTANCE, INTERFACE, IP, RESOURCE, HOST, OTHER }

    static Entity of(Finding f) {
        String id = f.getEntity();
        String type = f.getEntityType() == null ? "" : f.getEntityType();
        return switch (type) {
            case "principal" -> new Entity(Kind.PRINCIPAL, id, type, null, null, principalName(id));
            case "instance" -> new Entity(Kind.INSTANCE, id, type, null, null, id);
            case "interface" -> networkInterface(id);
            case "ip" -> new Entity(Kind.IP, id, type, IpLiteral.orNull(id), null, id);
            case "resource" -> new Entity(Kind.RESOURCE, id, type, null, null, id);
            case "host" -> new Entity(Kind.HOST, id, type, null, null, id);
            default -> new Entity(Kind.OTHER, id, type, null, null, id);
        };
    }

    /** {@code arn:aws:iam::123456789012:user/alice} → {@code alice}; a root ARN → {@code root}. */
    private static String principalName(String arn) {
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return cut >= 0 && cut < arn.length() - 1 ? arn.substring(cut + 1) : arn;
    }

    /** Flow findings name an interface entity {@code eni-…/local-address}. */
    private static Entity networkInterface(String id) {
        int slash = id.indexOf('/');
        String eni = slash > 0 ? id.substring(0, slash) : id;
        String ip = slash > 0 ? IpLiteral.orNull(id.substring(slash + 1)) : null;
        return new Entity(Kind.INTERFACE, id, "interface", ip, eni, id);
    }

    /** Instances, interfaces, resources and hosts are cloud resources a SIEM can pivot on by id. */
    boolean isResource() {
        return kind == Kind.INSTANCE || kind == Kind.INTERFACE || kind == Kind.RESOURCE || kind == Kind.HOST;
    }
}
