package io.vigil.reports.baseline;

import io.vigil.schemas.AuditEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates the distinct principals of the audit trail, one event at a time, keeping only identities. */
public final class PrincipalBaseline {
    private final Map<String, String> typeByPrincipal = new HashMap<>();
    private final Set<String> accounts = new HashSet<>();
    private long events;
    private Instant asOf;

    public void add(AuditEvent e) {
        events++;
        asOf = asOf == null || e.getEventTime().isAfter(asOf) ? e.getEventTime() : asOf;
        String type = e.getPrincipalType() == null ? "unknown" : e.getPrincipalType();
        identity(e).ifPresent(id -> typeByPrincipal.putIfAbsent(id, type));
        if (e.getPrincipalAccount() != null) {
            accounts.add(e.getPrincipalAccount());
        } else if (e.getRecipientAccount() != null) {
            accounts.add(e.getRecipientAccount());
        }
    }

    /** The ARN when CloudTrail gives one; service principals and some federated calls only carry a name or id. */
    private static Optional<String> identity(AuditEvent e) {
        if (e.getPrincipalArn() != null) {
            return Optional.of(e.getPrincipalArn());
        }
        String name = e.getPrincipalId() != null ? e.getPrincipalId() : e.getUserName() != null ? e.getUserName() : e.getInvokedBy();
        return Optional.ofNullable(name).map(n -> e.getPrincipalType() + ":" + n);
    }

    public PrincipalSummary summary() {
        Map<String, Long> byType = new TreeMap<>();
        typeByPrincipal.values().forEach(t -> byType.merge(t, 1L, Long::sum));
        return new PrincipalSummary(typeByPrincipal.size(), byType, accounts.size(), events, Optional.ofNullable(asOf));
    }
}
