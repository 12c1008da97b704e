package io.vigil.streams.detect.audit;

import static io.vigil.schemas.Severity.CRITICAL;
import static io.vigil.schemas.Severity.HIGH;
import static io.vigil.schemas.Severity.LOW;
import static io.vigil.schemas.Severity.MEDIUM;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The curated catalogue of control-plane calls that matter on their own, whoever makes them: the
 * audit trail and monitoring turned off (if the trail stops, every later detection is blind), root
 * and MFA-less console use, persistence through IAM, data shared out of the account, secrets read,
 * remote execution and access. References: MITRE ATT&CK for IaaS, GuardDuty finding types
 * (Stealth:IAMUser/CloudTrailLoggingDisabled, Policy:IAMUser/RootCredentialUsage,
 * Exfiltration:S3/..., Persistence:IAMUser/...), Stratus Red Team's AWS techniques.
 * The first matching entry wins, so specific conditions come before general ones.
 */
final class SensitiveCallCatalogue {
    private static final String CREDS = "compromised-credentials";
    private static final String INSTANCE = "compromised-instance";
    private static final String EXFIL = "data-exfiltration";
    private static final String DRIFT = "configuration-drift";

    static final List<SensitiveCall> ENTRIES = List.of(
            // Defence evasion: logging and monitoring turned off or weakened (T1562.008 / T1562.001)
            call("cloudtrail", "StopLogging", "defense_evasion", HIGH, "stops CloudTrail from recording API activity", CREDS, "T1562.008"),
            call("cloudtrail", "DeleteTrail", "defense_evasion", HIGH, "deletes a CloudTrail trail, ending its audit record", CREDS, "T1562.008"),
            call("cloudtrail", "UpdateTrail", "defense_evasion", MEDIUM, "changes where or how a trail records, which can blind the audit trail", CREDS, "T1562.008"),
            call("cloudtrail", "PutEventSelectors", "defense_evasion", MEDIUM, "changes which events a trail records, which can exclude management or data events", CREDS, "T1562.008"),
            call("cloudtrail", "DeleteEventDataStore", "defense_evasion", HIGH, "deletes a CloudTrail Lake event data store", CREDS, "T1562.008"),
            call("ec2", "DeleteFlowLogs", "defense_evasion", HIGH, "deletes VPC flow logs, blinding network monitoring", CREDS, "T1562.008"),
            call("route53resolver", "DeleteResolverQueryLogConfig", "defense_evasion", HIGH, "deletes DNS query logging", CREDS, "T1562.008"),
            call("route53resolver", "DisassociateResolverQueryLogConfig", "defense_evasion", MEDIUM, "detaches DNS query logging from a VPC", CREDS, "T1562.008"),
            call("logs", "DeleteLogGroup", "defense_evasion", MEDIUM, "deletes a CloudWatch log group and the logs in it", CREDS, "T1562.008"),
            call("logs", "DeleteLogStream", "defense_evasion", LOW, "deletes a CloudWatch log stream", CREDS, "T1562.008"),
            call("logs", "DeleteSubscriptionFilter", "defense_evasion", MEDIUM, "stops logs being forwarded (e.g. to the SIEM)", CREDS, "T1562.008"),
            call("guardduty", "DeleteDetector", "defense_evasion", HIGH, "deletes the GuardDuty detector, turning threat detection off", CREDS, "T1562.001"),
            call("guardduty", "UpdateDetector", "defense_evasion", HIGH, "disables GuardDuty threat detection", CREDS, "T1562.001").when(RequestFacts::disables),
            call("guardduty", "DisassociateFromMasterAccount", "defense_evasion", HIGH, "detaches the account from its GuardDuty administrator", CREDS, "T1562.001"),
            call("guardduty", "DisassociateFromAdministratorAccount", "defense_evasion", HIGH, "detaches the account from its GuardDuty administrator", CREDS, "T1562.001"),
            call("guardduty", "CreateIPSet", "defense_evasion", MEDIUM, "adds a trusted IP list, whose addresses GuardDuty then ignores", CREDS, "T1562.001"),
            call("guardduty", "CreateFilter", "defense_evasion", LOW, "adds a findings filter that can auto-archive alerts", CREDS, "T1562.001"),
            call("config", "StopConfigurationRecorder", "defense_evasion", HIGH, "stops AWS Config recording configuration changes", CREDS, "T1562.001"),
            call("config", "DeleteConfigurationRecorder", "defense_evasion", HIGH, "deletes the AWS Config recorder", CREDS, "T1562.001"),
            call("config", "DeleteDeliveryChannel", "defense_evasion", HIGH, "deletes AWS Config's delivery channel", CREDS, "T1562.001"),
            call("securityhub", "DisableSecurityHub", "defense_evasion", HIGH, "turns Security Hub off", CREDS, "T1562.001"),
            call("securityhub", "BatchDisableStandards", "defense_evasion", MEDIUM, "disables Security Hub standards", CREDS, "T1562.001"),
            call("access-analyzer", "DeleteAnalyzer", "defense_evasion", MEDIUM, "deletes an IAM Access Analyzer", CREDS, "T1562.001"),
            call("monitoring", "DeleteAlarms", "defense_evasion", MEDIUM, "deletes CloudWatch alarms", CREDS, "T1562.001"),
            call("monitoring", "DisableAlarmActions", "defense_evasion", MEDIUM, "silences CloudWatch alarm actions", CREDS, "T1562.001"),
            call("organizations", "LeaveOrganization", "defense_evasion", HIGH, "removes the account from its organisation and its guardrails (SCPs, org trail)", CREDS, "T1562"),
            call("ec2", "DisableEbsEncryptionByDefault", "defense_evasion", MEDIUM, "turns off default EBS encryption", DRIFT, "T1562"),
            call("s3", "PutBucketLifecycle", "defense_evasion", LOW, "sets object expiry on a bucket, which can silently delete logs or data", CREDS, "T1562.008", "T1485"),
            call("s3", "PutBucketVersioning", "defense_evasion", LOW, "suspends bucket versioning, removing protection against deletion", CREDS, "T1490")
                    .when(e -> RequestFacts.paramsText(e).contains("Suspended")),
            call("kms", "ScheduleKeyDeletion", "impact", HIGH, "schedules a KMS key for deletion, making data encrypted with it unreadable", CREDS, "T1485"),
            call("kms", "DisableKey", "impact", MEDIUM, "disables a KMS key, making data encrypted with it unreadable", CREDS, "T1485"),
            // Initial access and privileged identities
            call("signin", "ConsoleLogin", "initial_access", MEDIUM, "is a console login without MFA", CREDS, "T1078.004")
                    .when(RequestFacts::consoleLoginWithoutMfa),
            call("*", "*", "privileged_identity", MEDIUM, "uses the root user, which no routine work should need", CREDS, "T1078.004")
                    .when(RequestFacts::rootIdentity),
            // Persistence and privilege escalation through IAM
            call("iam", "CreateAccessKey", "persistence", HIGH, "creates an access key for another user: a classic backdoor", CREDS, "T1098.001")
                    .when(RequestFacts::targetsAnotherUser),
            call("iam", "CreateLoginProfile", "persistence", HIGH, "gives another user a console password", CREDS, "T1098.001")
                    .when(RequestFacts::targetsAnotherUser),
            call("iam", "UpdateLoginProfile", "persistence", HIGH, "changes another user's console password", CREDS, "T1098.001")
                    .when(RequestFacts::targetsAnotherUser),
            call("iam", "AttachUserPolicy", "privilege_escalation", HIGH, "attaches an administrative policy to a user", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "AttachRolePolicy", "privilege_escalation", HIGH, "attaches an administrative policy to a role", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "AttachGroupPolicy", "privilege_escalation", HIGH, "attaches an administrative policy to a group", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "PutUserPolicy", "privilege_escalation", HIGH, "writes an inline policy granting all actions to a user", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "PutRolePolicy", "privilege_escalation", HIGH, "writes an inline policy granting all actions to a role", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "PutGroupPolicy", "privilege_escalation", HIGH, "writes an inline policy granting all actions to a group", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "CreatePolicyVersion", "privilege_escalation", HIGH, "makes a policy version granting all actions the default", CREDS, "T1098.003")
                    .when(RequestFacts::grantsAdmin),
            call("iam", "UpdateAssumeRolePolicy", "persistence", MEDIUM, "changes who may assume a role, a way to backdoor it", CREDS, "T1098.003"),
            call("iam", "CreateSAMLProvider", "persistence", HIGH, "adds a SAML identity provider that can mint sessions", CREDS, "T1484.002"),
            call("iam", "UpdateSAMLProvider", "persistence", HIGH, "replaces a SAML provider's metadata", CREDS, "T1484.002"),
            call("iam", "CreateOpenIDConnectProvider", "persistence", MEDIUM, "adds an OIDC identity provider that can mint sessions", CREDS, "T1484.002"),
            call("iam", "DeactivateMFADevice", "defense_evasion", MEDIUM, "removes a user's MFA device", CREDS, "T1556.006"),
            call("iam", "DeleteAccountPasswordPolicy", "defense_evasion", LOW, "removes the account's password policy", DRIFT, "T1556"),
            call("rolesanywhere", "CreateTrustAnchor", "persistence", MEDIUM, "trusts an external certificate authority to obtain IAM credentials", CREDS, "T1098"),
            call("sts", "GetFederationToken", "persistence", LOW, "mints federated credentials that survive the key's deactivation", CREDS, "T1550.001"),
            call("lambda", "AddPermission*", "persistence", HIGH, "lets anyone invoke a Lambda function", CREDS, "T1546")
                    .when(RequestFacts::publicPrincipal),
            call("lambda", "UpdateFunctionCode*", "persistence", MEDIUM, "replaces a Lambda function's code", CREDS, "T1525"),
            call("lambda", "UpdateFunctionConfiguration*", "persistence", MEDIUM, "changes a Lambda function's layers or configuration", CREDS, "T1525")
                    .when(e -> RequestFacts.paramsText(e).contains("layers") || RequestFacts.paramsText(e).contains("Layers")),
            call("lambda", "AddLayerVersionPermission*", "persistence", MEDIUM, "shares a Lambda layer outside the account", CREDS, "T1525"),
            call("sagemaker", "UpdateNotebookInstanceLifecycleConfig", "execution", MEDIUM, "changes code that runs when a notebook starts", INSTANCE, "T1059"),
            call("eks", "CreateAccessEntry", "persistence", MEDIUM, "grants an IAM principal access to a Kubernetes cluster", CREDS, "T1098"),
            call("eks", "AssociateAccessPolicy", "privilege_escalation", MEDIUM, "grants a Kubernetes access policy to an IAM principal", CREDS, "T1098"),
            // Exfiltration: data shared out of the account
            call("ec2", "ModifySnapshotAttribute", "exfiltration", HIGH, "shares an EBS snapshot with another account or the public", EXFIL, "T1537")
                    .when(RequestFacts::sharesOut),
            call("ec2", "ModifyImageAttribute", "exfiltration", HIGH, "shares an AMI with another account or the public", EXFIL, "T1537")
                    .when(RequestFacts::sharesOut),
            call("rds", "ModifyDBSnapshotAttribute", "exfiltration", HIGH, "shares a database snapshot with another account or the public", EXFIL, "T1537")
                    .when(RequestFacts::sharesOut),
            call("rds", "ModifyDBClusterSnapshotAttribute", "exfiltration", HIGH, "shares a database cluster snapshot outside the account", EXFIL, "T1537")
                    .when(RequestFacts::sharesOut),
            call("s3", "PutBucketPolicy", "exfiltration", HIGH, "makes a bucket readable by anyone", EXFIL, "T1530")
                    .when(RequestFacts::publicPrincipal),
            call("s3", "PutBucketPolicy", "exfiltration", LOW, "changes who may access a bucket", EXFIL, "T1530"),
            call("s3", "PutBucketAcl", "exfiltration", HIGH, "grants a bucket to all users", EXFIL, "T1530").when(RequestFacts::publicPrincipal),
            call("s3", "DeleteBucketPublicAccessBlock", "exfiltration", MEDIUM, "removes a bucket's public access block", EXFIL, "T1530"),
            call("s3", "PutBucketReplication", "exfiltration", MEDIUM, "replicates a bucket's objects elsewhere", EXFIL, "T1537"),
            call("ec2", "AuthorizeSecurityGroupIngress", "exfiltration", HIGH, "opens an administrative port to the whole internet", DRIFT, "T1562.007")
                    .when(e -> RequestFacts.opensToWorld(e) && RequestFacts.opensAdminPort(e)),
            call("ec2", "AuthorizeSecurityGroupIngress", "exfiltration", MEDIUM, "opens a port to the whole internet", DRIFT, "T1562.007")
                    .when(RequestFacts::opensToWorld),
            // Credential access and discovery of secrets
            call("secretsmanager", "BatchGetSecretValue", "credential_access", MEDIUM, "reads many secrets in one call", CREDS, "T1555.006"),
            call("ssm", "GetParameters", "credential_access", LOW, "reads SecureString parameters decrypted", CREDS, "T1555.006").when(RequestFacts::withDecryption),
            call("ssm", "GetParametersByPath", "credential_access", LOW, "reads a tree of parameters decrypted", CREDS, "T1555.006").when(RequestFacts::withDecryption),
            call("ec2", "GetPasswordData", "credential_access", MEDIUM, "retrieves a Windows instance's administrator password", CREDS, "T1552.005"),
            call("ec2", "DescribeInstanceAttribute", "discovery", MEDIUM, "downloads an instance's user data, which often holds secrets", CREDS, "T1552.005")
                    .when(e -> RequestFacts.attributeIs(e, "userData")),
            // Execution and lateral movement
            call("ec2", "ModifyInstanceAttribute", "execution", MEDIUM, "changes an instance's user data, code that runs at boot", INSTANCE, "T1059")
                    .when(e -> RequestFacts.paramsText(e).contains("userData")),
            // Accelerated (GPU, ML, FPGA) instances are what cryptominers ask for first (AWS CIRT's most common abuse of stolen keys;
            // GuardDuty CryptoCurrency:* is HIGH): few estates run them, so even a denied attempt (MEDIUM) shows the intent.
            call("ec2", "RunInstances", "impact", HIGH, "launches accelerated (GPU, ML or FPGA) instances, the first thing cryptominers ask for",
                    INSTANCE, "T1496", "T1578.002")
                    .when(RequestFacts::acceleratedInstanceType),
            call("ec2", "RunInstances", "execution", MEDIUM, "launches an unusually large instance type (bare metal, 24xlarge and up), typical of cryptomining",
                    INSTANCE, "T1578.002", "T1496")
                    .when(RequestFacts::veryLargeInstanceType),
            call("ssm", "SendCommand", "execution", MEDIUM, "runs commands on instances through SSM", INSTANCE, "T1651"),
            call("ssm", "StartSession", "lateral_movement", LOW, "opens an interactive shell on an instance through SSM", INSTANCE, "T1021"),
            call("ec2-instance-connect", "SendSSHPublicKey", "lateral_movement", MEDIUM, "pushes an SSH key to an instance", INSTANCE, "T1021.004", "T1098.004"),
            call("ec2-instance-connect", "SendSerialConsoleSSHPublicKey", "lateral_movement", HIGH, "pushes an SSH key for an instance's serial console", INSTANCE, "T1021.004"),
            call("ec2", "EnableSerialConsoleAccess", "lateral_movement", MEDIUM, "enables serial console access for the account", INSTANCE, "T1021"),
            call("ec2", "ImportKeyPair", "persistence", LOW, "imports an SSH key pair", INSTANCE, "T1098.004"),
            // Impact
            call("s3", "PutObject", "impact", HIGH, "writes objects encrypted with a customer-held key (SSE-C), a ransomware pattern", EXFIL, "T1486")
                    .when(RequestFacts::customerKeyEncryption),
            call("s3", "CopyObject", "impact", HIGH, "re-encrypts objects with a customer-held key (SSE-C), a ransomware pattern", EXFIL, "T1486")
                    .when(RequestFacts::customerKeyEncryption),
            call("s3", "DeleteObjects", "impact", LOW, "deletes objects in bulk", EXFIL, "T1485"),
            call("s3", "DeleteBucket", "impact", MEDIUM, "deletes a bucket", EXFIL, "T1485"),
            call("bedrock", "InvokeModel", "impact", LOW, "invokes a foundation model, abused for LLM-jacking", CREDS, "T1496"),
            call("bedrock", "InvokeModelWithResponseStream", "impact", LOW, "invokes a foundation model, abused for LLM-jacking", CREDS, "T1496"),
            call("bedrock", "PutUseCaseForModelAccess", "impact", MEDIUM, "requests access to foundation models, a step of LLM-jacking", CREDS, "T1496"));

    private SensitiveCallCatalogue() {}

    static Optional<SensitiveCall> lookup(AuditEvent e) {
        for (SensitiveCall c : ENTRIES) {
            if (c.matches(e)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static SensitiveCall call(String service, String name, String category, Severity succeeded, String meaning, String playbook,
                                      String... attack) {
        Predicate<AuditEvent> always = e -> true;
        String source = "*".equals(service) ? "*" : service + ".amazonaws.com";
        return new SensitiveCall(source, name, always, category, succeeded, lower(succeeded), List.of(attack), meaning, playbook);
    }

    /** A denied attempt is one step less severe, but never below LOW: it still shows intent. */
    private static Severity lower(Severity s) {
        return switch (s) {
            case CRITICAL -> HIGH;
            case HIGH -> MEDIUM;
            default -> LOW;
        };
    }
}
