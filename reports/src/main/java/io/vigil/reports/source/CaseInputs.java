package io.vigil.reports.source;

import io.vigil.reports.incident.CaseInput;
import io.vigil.reports.incident.SourceEvent;
import io.vigil.schemas.CustodyRecord;
import io.vigil.schemas.Finding;
import io.vigil.schemas.ResponseAction;
import io.vigil.schemas.ResponseApproval;
import io.vigil.schemas.SourceRef;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads one case from the topics: its ledger entries (those whose {@code details.case_id} is the case),
 * the findings they answer, the approvals and custody records keyed to it, and the input records the
 * findings cite, read back at their partition and offset.
 */
public final class CaseInputs {
    private CaseInputs() {}

    /** @throws IllegalArgumentException when no ledger entry belongs to the case */
    public static CaseInput read(TopicReader reader, String caseId, Instant generatedAt) {
        List<ResponseAction> actions = new ArrayList<>();
        reader.read(Topics.RESPONSE_ACTIONS, a -> {
            if (caseId.equals(a.getDetails().get("case_id"))) {
                actions.add(a);
            }
        });
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("--case " + caseId + ": no entry of " + Topics.RESPONSE_ACTIONS.name()
                    + " belongs to that case (expected an id such as case-1a2b3c4d5e6f7a8b, from vigil report or vigil approve)");
        }
        Set<String> findingIds = new HashSet<>();
        actions.forEach(a -> findingIds.add(a.getFindingId()));
        Map<String, Finding> findings = new LinkedHashMap<>();
        reader.read(Topics.FINDINGS, f -> {
            if (findingIds.contains(f.getId())) {
                findings.putIfAbsent(f.getId(), f); // ids are stable under replay: a repeat is the same finding
            }
        });
        List<ResponseApproval> approvals = new ArrayList<>();
        reader.read(Topics.RESPONSE_APPROVALS, a -> {
            if (caseId.equals(a.getCaseId())) {
                approvals.add(a);
            }
        });
        List<CustodyRecord> custody = new ArrayList<>();
        reader.read(Topics.CUSTODY, c -> {
            if (caseId.equals(c.getCaseId())) {
                custody.add(c);
            }
        });
        return new CaseInput(caseId, generatedAt, List.copyOf(findings.values()), actions, approvals, custody, events(reader, findings.values()));
    }

    private static List<SourceEvent> events(TopicReader reader, Iterable<Finding> findings) {
        Map<String, Map<Integer, SortedSet<Long>>> byTopic = new TreeMap<>();
        for (Finding f : findings) {
            for (SourceRef s : f.getSources()) {
                byTopic.computeIfAbsent(s.getTopic(), t -> new TreeMap<>()).computeIfAbsent(s.getPartition(), p -> new TreeSet<>()).add(s.getOffset());
            }
        }
        List<SourceEvent> out = new ArrayList<>();
        byTopic.forEach((topic, offsets) -> {
            if (topic.equals(Topics.AUDIT_EVENTS.name())) {
                read(reader, Topics.AUDIT_EVENTS, offsets, out, e -> new Described(e.getEventTime(), e.getPrincipalArn(),
                        e.getEventSource() + " " + e.getEventName() + (e.getErrorCode() != null ? " (" + e.getErrorCode() + ")" : ""),
                        words("from", e.getSourceIp(), "with", e.getUserAgent(), "in", e.getAwsRegion(), "; request", e.getRequestParameters())));
            } else if (topic.equals(Topics.FLOWS_RAW.name())) {
                read(reader, Topics.FLOWS_RAW, offsets, out, r -> new Described(r.getStart(), r.getSrcaddr() + ":" + r.getSrcport(),
                        r.getAction() + " to " + r.getDstaddr() + ":" + r.getDstport() + " proto " + r.getProtocol(),
                        r.getBytes() + " bytes on " + r.getInterfaceId()));
            } else if (topic.equals(Topics.CONFIG_CHANGES.name())) {
                read(reader, Topics.CONFIG_CHANGES, offsets, out, c -> new Described(c.getCaptureTime(), c.getResourceType() + "/" + c.getResourceId(),
                        "configuration " + c.getChangeType(), "state " + c.getStateId()));
            } else if (topic.equals(Topics.INVENTORY_HOST.name())) {
                read(reader, Topics.INVENTORY_HOST, offsets, out, h -> new Described(h.getEventTime(), h.getHostIdentifier(),
                        h.getKind() + " " + h.getAction(), h.getPackageName() != null ? h.getPackageName() + " " + h.getPackageVersion()
                                : h.getPort() != null ? "port " + h.getPort() : String.valueOf(h.getProcessName())));
            } // other topics (a finding citing findings, say) are listed with the finding, not read back
        });
        return out;
    }

    /** Label-value pairs as words, leaving out the pairs whose value the record does not have. */
    private static String words(String... labelled) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < labelled.length; i += 2) {
            if (labelled[i + 1] != null) {
                b.append(b.length() == 0 || labelled[i].startsWith(";") ? "" : " ").append(labelled[i]).append(' ').append(labelled[i + 1]);
            }
        }
        return b.toString().replaceFirst("^; ", "");
    }

    private record Described(Instant at, String who, String what, String detail) {}

    private static <V extends SpecificRecord> void read(TopicReader reader, TopicSpec<V> spec, Map<Integer, SortedSet<Long>> offsets,
                                                       List<SourceEvent> out, Function<V, Described> describe) {
        reader.readAt(spec, offsets, r -> {
            Described d = describe.apply(r.value());
            out.add(new SourceEvent(spec.name(), r.partition(), r.offset(), d.at() != null ? d.at() : Instant.ofEpochMilli(r.timestamp()),
                    String.valueOf(d.who()), d.what(), d.detail()));
        });
    }
}
