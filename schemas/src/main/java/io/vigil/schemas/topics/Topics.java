package io.vigil.schemas.topics;

import io.vigil.schemas.AuditEvent;
import io.vigil.schemas.BaselineApproval;
import io.vigil.schemas.Suppression;
import io.vigil.schemas.ConfigChange;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.SourceCheckpoint;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every topic Vigil reads or writes. Modules meet only here: a collector writes
 * {@link #AUDIT_EVENTS}, the streams app reads it; nobody calls another module's code.
 */
public final class Topics {
    private static final int P = 3;

    public static final TopicSpec<FlowRecord> FLOWS_RAW = new TopicSpec<>("flows.raw", FlowRecord.class, P, Cleanup.DELETE,
            "VPC flow log records, keyed by interface id");
    public static final TopicSpec<AuditEvent> AUDIT_EVENTS = new TopicSpec<>("audit.events", AuditEvent.class, P, Cleanup.DELETE,
            "CloudTrail events, keyed by principal ARN");
    public static final TopicSpec<ConfigChange> CONFIG_CHANGES = new TopicSpec<>("config.changes", ConfigChange.class, P, Cleanup.DELETE,
            "AWS Config configuration items, keyed by resource type and id");
    public static final TopicSpec<HostInventory> INVENTORY_HOST = new TopicSpec<>("inventory.host", HostInventory.class, P, Cleanup.COMPACT,
            "osquery inventory rows, keyed by host, table and item");
    public static final TopicSpec<Finding> FINDINGS = new TopicSpec<>("findings", Finding.class, P, Cleanup.DELETE,
            "anomaly and drift findings, keyed by entity");
    /**
     * Approved configuration baselines, keyed like {@link #CONFIG_CHANGES} (resource type/id, same partition count) so a
     * resource's approval meets its changes; the drift detector judges against the approved one. A tombstone withdraws it.
     */
    public static final TopicSpec<BaselineApproval> BASELINE_APPROVED = new TopicSpec<>("baseline.approved", BaselineApproval.class, P, Cleanup.COMPACT,
            "approved configuration baselines, keyed by resource type and id; tombstone withdraws");
    public static final TopicSpec<ResponseAction> RESPONSE_ACTIONS = new TopicSpec<>("response.actions", ResponseAction.class, P, Cleanup.COMPACT,
            "the response ledger, keyed by idempotency key and status (Topics.actionKey)");
    /**
     * Decisions on response actions awaiting approval (restores, steps with {@code requires_approval}), keyed by
     * {@link #approvalKey}: the responders carry out an approved action and record who approved it in the ledger.
     */
    public static final TopicSpec<ResponseApproval> RESPONSE_APPROVALS = new TopicSpec<>("response.approvals", ResponseApproval.class, P,
            Cleanup.COMPACT, "approvals and rejections of response actions, keyed by action idempotency key and approver");

    /** Mirrors of {@link #FINDINGS} for SIEM connectors: text values (JSON or CEF lines), keyed by entity like the findings. */
    public static final List<TextTopic> FINDINGS_MIRRORS = List.of(
            new TextTopic("findings.ocsf", P, Cleanup.DELETE, "findings as OCSF 1.5 JSON (Detection Finding 2004, Compliance Finding 2003)"),
            new TextTopic("findings.ecs", P, Cleanup.DELETE, "findings as Elastic Common Schema JSON"),
            new TextTopic("findings.cef", P, Cleanup.DELETE, "findings as ArcSight CEF lines"));

    /**
     * Each entity's current baseline summary, published periodically by the streams app for tools and SIEMs
     * that do not call the baseline API: key {@code <kind>/<entity>} (kind flows, principals, config, hosts), value JSON.
     */
    public static final TextTopic BASELINE_SNAPSHOTS = new TextTopic("baseline.snapshots", P, Cleanup.COMPACT,
            "baseline summaries (JSON), keyed by kind/entity; the latest per entity");

    /**
     * How far each collector has read each unit of its input, keyed by collector id and unit. Written
     * transactionally with the records it accounts for; read back (read_committed) when a collector starts.
     */
    public static final TopicSpec<SourceCheckpoint> COLLECTOR_CHECKPOINTS = new TopicSpec<>("collector.checkpoints", SourceCheckpoint.class, 1,
            Cleanup.COMPACT, "collector progress per input unit, keyed by collector id and unit");

    /**
     * The chain of custody of each case's evidence, keyed by case id: append-only and never compacted (every record is a
     * link); give it {@code retention.ms=-1} for legal holds. Each record's hash covers the previous one's.
     */
    /** Findings people decided are expected, keyed by suppression id; one partition, read whole by every streams instance. */
    public static final TopicSpec<Suppression> SUPPRESSIONS = new TopicSpec<>("suppressions", Suppression.class, 1, Cleanup.COMPACT,
            "finding suppressions (detector, entity or CIDR, expiry), keyed by id; tombstone lifts");
    public static final TopicSpec<CustodyRecord> CUSTODY = new TopicSpec<>("custody.records", CustodyRecord.class, P, Cleanup.DELETE,
            "hash-chained custody records of evidence, keyed by case id");

    /** Sigma rules for the streams app: key rule id, value the rule's YAML text, a tombstone removes the rule. */
    public static final TextTopic RULES = new TextTopic("rules", 1, Cleanup.COMPACT, "Sigma rules (YAML text), keyed by rule id; tombstone removes");

    /** Inputs whose format could not even be recognised (garbage files, unknown layouts). */
    public static final TopicSpec<DeadLetter> COLLECTOR_DLQ = dlq("collector");

    public static final List<TopicSpec<?>> INPUTS = List.of(FLOWS_RAW, AUDIT_EVENTS, CONFIG_CHANGES, INVENTORY_HOST);

    private static final List<TopicSpec<?>> PRIMARY = List.of(FLOWS_RAW, AUDIT_EVENTS, CONFIG_CHANGES, INVENTORY_HOST, FINDINGS, RESPONSE_ACTIONS,
            BASELINE_APPROVED, RESPONSE_APPROVALS);

    private Topics() {}

    /**
     * Key of a ledger entry: idempotency key and status, so compaction keeps every transition of a
     * step (requested, then executed or failed) rather than only the last.
     */
    public static String actionKey(ResponseAction a) {
        return a.getIdempotencyKey() + "/" + a.getStatus();
    }

    /** Key of an approval: the action's idempotency key and the approver, so compaction keeps each approver's latest decision. */
    public static String approvalKey(ResponseApproval a) {
        return a.getActionKey() + "/" + a.getApprover();
    }

    /** The dead-letter topic of a topic: {@code <name>.dlq}, carrying {@link DeadLetter} envelopes. */
    public static TopicSpec<DeadLetter> dlq(String topic) {
        return new TopicSpec<>(topic + ".dlq", DeadLetter.class, 1, Cleanup.DELETE, "records of " + topic + " that could not be read, with the reason");
    }

    /** Every topic to create: the primary topics, their dead-letter topics and the collector's. */
    public static List<TopicSpec<?>> all() {
        var out = new java.util.ArrayList<TopicSpec<?>>(PRIMARY);
        PRIMARY.forEach(t -> out.add(dlq(t.name())));
        out.add(COLLECTOR_DLQ);
        out.add(COLLECTOR_CHECKPOINTS);
        out.add(CUSTODY);
        out.add(SUPPRESSIONS);
        return List.copyOf(out);
    }

    /** Every topic whose values are text rather than Avro: the SIEM mirrors, the Sigma rules, the baseline snapshots. */
    public static List<TextTopic> textTopics() {
        var out = new java.util.ArrayList<TextTopic>(FINDINGS_MIRRORS);
        out.add(RULES);
        out.add(BASELINE_SNAPSHOTS);
        return List.copyOf(out);
    }

    public static Optional<TopicSpec<?>> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
