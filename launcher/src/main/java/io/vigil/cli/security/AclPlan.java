package io.vigil.cli.security;

import io.vigil.schemas.topics.TextTopic;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Least privilege on Kafka, per service principal: what each Vigil service reads and writes, and
 * nothing else. Collectors write the inputs only; the streams app reads inputs and writes findings;
 * responders read findings and write actions; reports only read; the operator runs hunts, loads rules
 * and approves baselines. The shipped script {@code deploy/kafka/acls.sh} is generated from here
 * ({@code vigil acls}) and a test applies the same plan to a broker with SASL and ACLs.
 */
public final class AclPlan {
    /** A service and the Kafka principal it authenticates as. */
    public enum Service {
        COLLECT, STREAMS, RESPOND, REPORT, OPERATOR;

        public String principal() {
            return "User:vigil-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The streams app's application id, which prefixes its group, internal topics and transactional ids. */
    static final String STREAMS_APP = "vigil-streams";
    static final String RESPONDERS_GROUP = "vigil-responders";
    static final String COLLECTOR_TRANSACTIONS = "vigil-collector-";
    static final String HUNTS = "vigil-hunt-";

    private AclPlan() {}

    public static List<AclBinding> all() {
        return Stream.of(Service.values()).flatMap(s -> bindings(s).stream()).toList();
    }

    public static List<AclBinding> bindings(Service service) {
        Acls a = new Acls(service.principal());
        List<String> inputs = Topics.INPUTS.stream().map(TopicSpec::name).toList();
        List<String> inputDlqs = inputs.stream().map(t -> Topics.dlq(t).name()).toList();
        switch (service) {
            case COLLECT -> {
                a.topics(inputs, AclOperation.WRITE);
                a.topics(inputDlqs, AclOperation.WRITE);
                a.topics(List.of(Topics.COLLECTOR_DLQ.name()), AclOperation.WRITE);
                a.topics(List.of(Topics.COLLECTOR_CHECKPOINTS.name()), AclOperation.READ, AclOperation.WRITE);
                a.prefixed(ResourceType.TRANSACTIONAL_ID, COLLECTOR_TRANSACTIONS, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            case STREAMS -> {
                a.topics(inputs, AclOperation.READ);
                a.topics(inputDlqs, AclOperation.WRITE); // records the topology cannot decode go to the .dlq of their topic
                a.topics(List.of(Topics.RULES.name(), Topics.BASELINE_APPROVED.name(), Topics.SUPPRESSIONS.name()), AclOperation.READ);
                a.topics(List.of(Topics.dlq(Topics.BASELINE_APPROVED.name()).name(), Topics.dlq(Topics.FINDINGS.name()).name()), AclOperation.WRITE);
                a.topics(List.of(Topics.FINDINGS.name()), AclOperation.READ, AclOperation.WRITE); // the SIEM mirrors read findings back
                a.topics(Topics.FINDINGS_MIRRORS.stream().map(TextTopic::name).toList(), AclOperation.WRITE);
                a.topics(List.of(Topics.BASELINE_SNAPSHOTS.name()), AclOperation.WRITE);
                a.prefixed(ResourceType.TOPIC, STREAMS_APP + "-", AclOperation.ALL); // changelogs and repartition topics
                a.prefixed(ResourceType.GROUP, STREAMS_APP, AclOperation.READ);
                a.prefixed(ResourceType.TRANSACTIONAL_ID, STREAMS_APP + "-", AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            case RESPOND -> {
                a.topics(List.of(Topics.FINDINGS.name()), AclOperation.READ);
                a.topics(List.of(Topics.dlq(Topics.FINDINGS.name()).name()), AclOperation.WRITE);
                a.topics(List.of(Topics.RESPONSE_ACTIONS.name()), AclOperation.READ, AclOperation.WRITE); // the ledger says what is done
                a.topics(List.of(Topics.RESPONSE_APPROVALS.name()), AclOperation.READ); // approved actions are carried out
                a.topics(List.of(Topics.CUSTODY.name()), AclOperation.READ, AclOperation.WRITE); // the chain is continued from its last link
                a.topics(List.of(Topics.dlq(Topics.RESPONSE_APPROVALS.name()).name()), AclOperation.WRITE);
                a.literal(ResourceType.GROUP, RESPONDERS_GROUP, AclOperation.READ);
                a.literal(ResourceType.GROUP, RESPONDERS_GROUP + "-approvals", AclOperation.READ);
            }
            case REPORT -> a.topics(List.of(Topics.FINDINGS.name(), Topics.RESPONSE_ACTIONS.name(), Topics.RESPONSE_APPROVALS.name(), Topics.CUSTODY.name(), Topics.INVENTORY_HOST.name(),
                    Topics.AUDIT_EVENTS.name(), Topics.FLOWS_RAW.name(), Topics.CONFIG_CHANGES.name(), Topics.BASELINE_SNAPSHOTS.name()), AclOperation.READ);
            case OPERATOR -> {
                a.topics(inputs, AclOperation.READ);
                a.topics(List.of(Topics.FINDINGS.name(), Topics.CONFIG_CHANGES.name(), Topics.BASELINE_SNAPSHOTS.name()), AclOperation.READ);
                a.topics(List.of(Topics.RULES.name(), Topics.BASELINE_APPROVED.name()), AclOperation.WRITE);
                a.topics(List.of(Topics.SUPPRESSIONS.name()), AclOperation.READ, AclOperation.WRITE); // vigil suppress: list, add, lift
                // vigil approve and vigil restore: read the ledger, record decisions and restore requests
                a.topics(List.of(Topics.RESPONSE_ACTIONS.name()), AclOperation.READ, AclOperation.WRITE);
                a.topics(List.of(Topics.RESPONSE_APPROVALS.name()), AclOperation.READ, AclOperation.WRITE);
                a.prefixed(ResourceType.TOPIC, "hunt.", AclOperation.ALL);
                a.prefixed(ResourceType.TOPIC, HUNTS, AclOperation.ALL);
                a.prefixed(ResourceType.GROUP, HUNTS, AclOperation.ALL);
                a.prefixed(ResourceType.TRANSACTIONAL_ID, HUNTS, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            default -> throw new IllegalStateException(service.name());
        }
        return a.out;
    }

    /** The plan as {@code kafka-acls.sh} commands, one per binding, for operators who apply ACLs by script. */
    public static String script() {
        StringBuilder b = new StringBuilder("""
                #!/usr/bin/env bash
                # Kafka ACLs for Vigil's services: least privilege per principal. Generated by `vigil acls`; do not edit by hand.
                # Usage: BOOTSTRAP=broker:9092 ADMIN_CONFIG=admin.properties deploy/kafka/acls.sh
                # (admin.properties: security.protocol, sasl.mechanism and sasl.jaas.config of a user allowed to alter ACLs)
                # Create the SCRAM users first, e.g.:
                #   kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \\
                #     --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name vigil-collect
                set -euo pipefail
                acl() { kafka-acls.sh --bootstrap-server "${BOOTSTRAP:?}" --command-config "${ADMIN_CONFIG:?}" --add "$@"; }
                """);
        for (Service s : Service.values()) {
            b.append("\n# ").append(s.principal()).append('\n');
            for (AclBinding binding : bindings(s)) {
                ResourcePattern p = binding.pattern();
                b.append("acl --allow-principal ").append(s.principal())
                        .append(" --operation ").append(operation(binding.entry().operation()))
                        .append(' ').append(resource(p.resourceType())).append(" '").append(p.name()).append('\'')
                        .append(p.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "")
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static String operation(AclOperation op) {
        return switch (op) {
            case ALL -> "All";
            case READ -> "Read";
            case WRITE -> "Write";
            case DESCRIBE -> "Describe";
            default -> throw new IllegalArgumentException("no script form for " + op);
        };
    }

    private static String resource(ResourceType type) {
        return switch (type) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            default -> throw new IllegalArgumentException("no script form for " + type);
        };
    }

    /** Collects allow entries for one principal from any host. */
    private static final class Acls {
        private final String principal;
        private final List<AclBinding> out = new ArrayList<>();

        Acls(String principal) {
            this.principal = principal;
        }

        void topics(List<String> names, AclOperation... ops) {
            names.forEach(n -> literal(ResourceType.TOPIC, n, ops));
        }

        void literal(ResourceType type, String name, AclOperation... ops) {
            add(new ResourcePattern(type, name, PatternType.LITERAL), ops);
        }

        void prefixed(ResourceType type, String prefix, AclOperation... ops) {
            add(new ResourcePattern(type, prefix, PatternType.PREFIXED), ops);
        }

        private void add(ResourcePattern pattern, AclOperation... ops) {
            for (AclOperation op : ops) {
                out.add(new AclBinding(pattern, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
            }
        }
    }
}
