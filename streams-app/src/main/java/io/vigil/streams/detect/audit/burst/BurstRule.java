package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.Severity;
import java.util.List;

/** The burst rules, each with its stable detector name, ATT&CK techniques, meaning and playbook. */
enum BurstRule {
    /** Many distinct List/Describe/Get calls across services: an intruder mapping the account (T1580, T1087.004, T1526). */
    RECON("audit.recon_burst", List.of("T1580", "T1087.004", "T1526"), "distinct read-only discovery calls",
            "maps the account the way an intruder with fresh credentials does", "compromised-credentials"),
    /** An AccessDenied storm: someone probing what stolen credentials may do (GuardDuty Discovery:IAMUser/AnomalousBehavior). */
    ERRORS("audit.error_burst", List.of("T1580", "T1069.003"), "denied calls",
            "probes permissions: credentials tried against many APIs they may not use", "compromised-credentials"),
    /** Secrets or decrypted parameters read one after another (T1555.006). */
    SECRETS("audit.bulk_secret_read", List.of("T1555.006"), "distinct secrets or decrypted parameters read",
            "harvests stored credentials in bulk", "compromised-credentials"),
    /** Objects, snapshots, instances or databases deleted in bulk: ransomware and sabotage (T1485, T1490). */
    DESTRUCTION("audit.destructive_burst", List.of("T1485", "T1490"), "delete or terminate calls",
            "destroys data or systems in bulk, as ransomware and sabotage do", "loss-of-systems"),
    /** An ordered attack chain of {@link AttackSequence}; its severity and techniques come from the chain. */
    SEQUENCE("audit.sequence", List.of(), "calls in an attack chain", "follows a known attack chain", "compromised-credentials");

    final String detector;
    final List<String> attack;
    final String counted;
    final String meaning;
    final String playbook;

    BurstRule(String detector, List<String> attack, String counted, String meaning, String playbook) {
        this.detector = detector;
        this.attack = attack;
        this.counted = counted;
        this.meaning = meaning;
        this.playbook = playbook;
    }

    Severity severity(int count, BurstThresholds t) {
        int threshold = t.threshold(this);
        if (count >= threshold * 4) {
            return this == DESTRUCTION || this == SECRETS ? Severity.HIGH : Severity.MEDIUM;
        }
        return this == SECRETS || this == DESTRUCTION ? Severity.MEDIUM : Severity.LOW;
    }
}
