package io.vigil.responders.custody;

import io.vigil.schemas.ActionStatus;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.ResponseAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chain of custody of a case's evidence: each record's hash is SHA-256 over the previous record's hash
 * and the record's own fields in a fixed form, so removing, altering or reordering any record breaks every
 * link after it. Which ledger entries are custody events: evidence taken or handed over (snapshots, forensic
 * copies) when it really happened.
 */
public final class CustodyChain {
    public static final String GENESIS = "0".repeat(64);
    private static final Set<String> EVIDENCE_ACTIONS = Set.of("volume.snapshot", "volume.forensic_copy", "volume.lock", "logs.legal_hold");

    private CustodyChain() {}

    /** Whether the ledger entry is an event in the custody of evidence. */
    public static boolean isCustodyEvent(ResponseAction a) {
        return !a.getDryRun() && EVIDENCE_ACTIONS.contains(a.getActionType()) && a.getStatus() == ActionStatus.EXECUTED;
    }

    /** The next link after {@code previous} (none for the case's first record). */
    public static CustodyRecord append(Optional<CustodyRecord> previous, String caseId, Instant at, String actor, String action, String source,
                                       Map<String, String> evidence) {
        CustodyRecord r = CustodyRecord.newBuilder().setCaseId(caseId).setSequence(previous.map(p -> p.getSequence() + 1).orElse(0L))
                .setAt(at.truncatedTo(ChronoUnit.MILLIS)).setActor(actor).setAction(action).setSource(source).setEvidence(new TreeMap<>(evidence))
                .setPrevHash(previous.map(CustodyRecord::getHash).orElse(GENESIS)).setHash("").build();
        r.setHash(hash(r));
        return r;
    }

    /** The record for a ledger entry that is a custody event. */
    public static CustodyRecord of(Optional<CustodyRecord> previous, ResponseAction a, String actor) {
        Map<String, String> evidence = new TreeMap<>();
        a.getDetails().forEach((k, v) -> {
            if (k.startsWith("snapshot.") || k.startsWith("copy.") || k.equals("shared_with") || k.equals("forensic_kms_key") || k.equals("instance")
                    || k.startsWith("locked.") || k.equals("logs") || k.equals("window") || k.equals("held")) {
                evidence.put(k, v);
            }
        });
        Instant at = a.getCompletedAt() != null ? a.getCompletedAt() : a.getRequestedAt();
        return append(previous, a.getDetails().getOrDefault("case_id", ""), at, actor, a.getActionType() + " " + a.getStatus(),
                "response.actions " + a.getIdempotencyKey() + "/" + a.getStatus(), evidence);
    }

    /** Why the chain (one case's records, in order) does not hold, if it does not: the first broken link. */
    public static Optional<String> verify(List<CustodyRecord> chain) {
        String prev = GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            CustodyRecord r = chain.get(i);
            if (r.getSequence() != i) {
                return Optional.of("record " + i + " has sequence " + r.getSequence() + ": a record is missing or out of order");
            }
            if (!r.getPrevHash().equals(prev)) {
                return Optional.of("record " + i + " does not follow record " + (i - 1) + " (prev_hash differs)");
            }
            if (!hash(r).equals(r.getHash())) {
                return Optional.of("record " + i + " was altered (its hash does not match its contents)");
            }
            prev = r.getHash();
        }
        return Optional.empty();
    }

    static String hash(CustodyRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.getPrevHash()).append('\n').append(r.getCaseId()).append('\n').append(r.getSequence()).append('\n').append(r.getAt().toEpochMilli())
                .append('\n').append(r.getActor()).append('\n').append(r.getAction()).append('\n').append(r.getSource()).append('\n');
        new TreeMap<>(r.getEvidence()).forEach((k, v) -> b.append(k.length()).append(':').append(k).append('=').append(v.length()).append(':').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
