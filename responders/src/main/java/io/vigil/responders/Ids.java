package io.vigil.responders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids: the same finding and step always give the same key, across runs and processes. */
final class Ids {
    private Ids() {}

    /** SHA-256 of finding id, playbook and step: a redelivered finding maps onto the actions already taken. */
    static String idempotencyKey(String findingId, String playbook, String step) {
        return sha256(findingId + '\n' + playbook + '\n' + step);
    }

    /** One case per finding, named so that tags and ledger entries can be joined on it. */
    static String caseId(String findingId) {
        return "case-" + sha256(findingId).substring(0, 16);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
