package io.vigil.streams.detect.audit.burst;

import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Set;

/**
 * An ordered chain of calls by one principal within the activity window, declared as data: each step
 * is a set of {@code service:EventName} calls any of which advances the chain (denied calls do not).
 * The shipped chains are in {@link #SHIPPED}.
 */
record AttackSequence(String name, List<Set<String>> steps, Severity severity, List<String> attack, String meaning) {

    static final List<AttackSequence> SHIPPED = List.of(
            new AttackSequence("backdoor-admin-user", List.of(
                    Set.of("iam:CreateUser"),
                    Set.of("iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:AddUserToGroup"),
                    Set.of("iam:CreateAccessKey", "iam:CreateLoginProfile")),
                    Severity.HIGH, List.of("T1136.003", "T1098.001", "T1098.003"),
                    "created a user, gave it permissions and credentials: a persistent backdoor"),
            new AttackSequence("persistence-then-evasion", List.of(
                    Set.of("iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateAssumeRolePolicy"),
                    Set.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:UpdateTrail",
                            "ec2:DeleteFlowLogs", "guardduty:DeleteDetector", "config:StopConfigurationRecorder")),
                    Severity.CRITICAL, List.of("T1098", "T1562.008"),
                    "set up persistence and then turned monitoring off: an intruder covering tracks"),
            new AttackSequence("snapshot-exfiltration", List.of(
                    Set.of("ec2:CreateSnapshot", "ec2:CopySnapshot", "rds:CreateDBSnapshot", "rds:CopyDBSnapshot"),
                    Set.of("ec2:ModifySnapshotAttribute", "rds:ModifyDBSnapshotAttribute")),
                    Severity.HIGH, List.of("T1537"),
                    "made a snapshot and changed who may use it: data moved to another account"),
            new AttackSequence("discovery-then-privilege", List.of(
                    Set.of("iam:ListUsers", "iam:ListRoles", "iam:ListPolicies", "iam:GetAccountAuthorizationDetails", "iam:ListAttachedUserPolicies"),
                    Set.of("iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:PutUserPolicy", "iam:PutRolePolicy", "iam:CreatePolicyVersion",
                            "iam:UpdateAssumeRolePolicy")),
                    Severity.MEDIUM, List.of("T1087.004", "T1098.003"),
                    "enumerated identities and then changed permissions: privilege escalation"));
}
