package io.vigil.responders.evidence;

import java.util.regex.Pattern;

/**
 * Where evidence goes: the forensic account that receives copies of the incident snapshots, and the KMS key
 * (owned by that account, usable by this one) the copies are re-encrypted with, so that only the forensic
 * account can read them and nobody in the compromised account can delete its copy.
 */
public record ForensicTarget(String accountId, String kmsKeyId) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public ForensicTarget {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("forensic account '" + accountId + "': expected a 12-digit AWS account id");
        }
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            throw new IllegalArgumentException("forensic KMS key: expected a key ARN, id or alias ARN");
        }
    }
}
