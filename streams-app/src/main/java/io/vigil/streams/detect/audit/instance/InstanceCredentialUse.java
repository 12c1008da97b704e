package io.vigil.streams.detect.audit.instance;

import io.vigil.schemas.AuditEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call made with an EC2 instance's role credentials: the session the instance profile delivered
 * (CloudTrail {@code userIdentity.type = AssumedRole}, session name = the instance id, so
 * {@code principalId = AROA…:i-…}; temporary key {@code ASIA…}; {@code sessionContext.ec2RoleDelivery}
 * on recent events). Calls an AWS service makes on the instance's behalf ({@code invokedBy}) are not uses.
 *
 * @param instanceId the instance the credentials were delivered to
 * @param role       the role (the session issuer, the audit topic's key)
 * @param accessKey  the temporary access key id (changes at every credential rotation)
 * @param source     the source address as CloudTrail wrote it (an IP literal or a service name)
 * @param userAgent  the caller's user agent
 */
record InstanceCredentialUse(String instanceId, String role, String accessKey, String source, String userAgent, AuditEvent event) {
    private static final Pattern INSTANCE_SESSION = Pattern.compile(":(i-[0-9a-f]{8,17})$");
    private static final Pattern DELIVERY = Pattern.compile("\"ec2RoleDelivery\"\\s*:");
    private static final Pattern DESKTOP = Pattern.compile("(?i)(darwin|mac os x|macintosh|windows nt 10|windows nt 6\\.[123]|windows/10|windows/11|iphone|android)");

    static Optional<InstanceCredentialUse> of(AuditEvent e) {
        if (!"AssumedRole".equals(e.getPrincipalType()) || e.getPrincipalId() == null || e.getInvokedBy() != null) {
            return Optional.empty();
        }
        Matcher m = INSTANCE_SESSION.matcher(e.getPrincipalId());
        if (!m.find()) {
            return Optional.empty();
        }
        String key = e.getAccessKeyId();
        // An AssumeRole session named after an instance but without the instance profile's marks (an
        // ASIA key and, when CloudTrail records it, ec2RoleDelivery) is someone's own session name.
        boolean delivered = DELIVERY.matcher(e.getRaw()).find();
        if (!delivered && (key == null || !key.startsWith("ASIA"))) {
            return Optional.empty();
        }
        String role = e.getSessionIssuerArn() != null ? e.getSessionIssuerArn() : e.getPrincipalArn();
        return Optional.of(new InstanceCredentialUse(m.group(1), role, key == null ? "" : key, e.getSourceIp(), e.getUserAgent(), e));
    }

    /** The user agent names a desktop or phone operating system, which an EC2 instance does not run (Mac instances aside). */
    boolean desktopAgent() {
        return userAgent != null && DESKTOP.matcher(userAgent).find();
    }

    String desktopOs() {
        if (userAgent == null) {
            return "";
        }
        Matcher m = DESKTOP.matcher(userAgent);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
