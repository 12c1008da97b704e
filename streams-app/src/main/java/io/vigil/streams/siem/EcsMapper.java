package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.SourceRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding as an Elastic Common Schema document (JSON), for Elasticsearch / Elastic Security.
 *
 * <p>{@code event.kind: alert} (a finding is what a detection raised), {@code event.category} and
 * {@code event.type} from the allowed ECS values by what the detector watches (flows: network /
 * connection; audit trails: iam / info; drift: configuration / change; otherwise intrusion_detection /
 * info), {@code event.severity} numeric (see {@link Severities}), {@code event.id} the finding's
 * deterministic id, {@code @timestamp} its event time and {@code event.created} its detection time;
 * {@code rule.*} names the detector; {@code threat.*} lists ATT&CK techniques with sub-techniques apart;
 * {@code user.*}, {@code host.*}, {@code source.*}, {@code destination.*} and {@code cloud.*} carry the
 * entity by its type, with {@code related.*} for pivots.
 *
 * <p>Vigil's own evidence and sources go under {@code vigil.*}. Evidence maps are written as arrays of
 * {@code {name, value}}, not as objects: their keys are free-form setting paths such as
 * {@code ipPermissions[0].fromPort}, which as object keys would create a new Elasticsearch field each,
 * and a key that is a prefix of another ({@code a} and {@code a.b}) would make the document fail to index.
 *
 * <p>Spec: https://www.elastic.co/guide/en/ecs/current/ecs-field-reference.html (event, rule, threat,
 * user, host, source, destination, cloud, related, observer). Pure: no Kafka types, no clock.
 */
public final class EcsMapper {
    public static final String ECS_VERSION = "8.11.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsMapper() {}

    public static String toJson(Finding f) {
        return toNode(f).toString();
    }

    public static ObjectNode toNode(Finding f) {
        Entity entity = Entity.of(f);
        Endpoints ends = Endpoints.of(f, entity);
        ObjectNode d = JSON.createObjectNode();
        d.put("@timestamp", f.getEventTime().toString());
        d.putObject("ecs").put("version", ECS_VERSION);
        d.put("message", f.getSummary());
        event(d.putObject("event"), f);
        ObjectNode rule = d.putObject("rule");
        rule.put("id", f.getDetector());
        rule.put("name", f.getDetector());
        rule.put("ruleset", "vigil");
        rule.put("category", f.getKind().name());
        threat(d, AttackTechnique.of(f.getAttack()));
        EcsEntity.addTo(d, f, entity, ends);
        ObjectNode observer = d.putObject("observer");
        observer.put("vendor", OcsfMapper.PRODUCT);
        observer.put("product", OcsfMapper.PRODUCT);
        observer.put("version", OcsfMapper.PRODUCT_VERSION);
        ArrayNode tags = d.putArray("tags");
        f.getTags().forEach(tags::add);
        vigil(d.putObject("vigil"), f);
        return d;
    }

    private static void event(ObjectNode event, Finding f) {
        event.put("kind", "alert");
        List<String> categoryAndType = categoryAndType(f);
        event.putArray("category").add(categoryAndType.get(0));
        event.putArray("type").add(categoryAndType.get(1));
        event.put("severity", Severities.ecs(f.getSeverity()));
        event.put("id", f.getId());
        event.put("created", f.getDetectedAt().toString());
        event.put("reason", f.getEvidence().getReason());
        event.put("dataset", "vigil.findings");
        event.put("module", "vigil");
        event.put("provider", "vigil");
    }

    /** ECS allows only listed category values and, per category, listed types. */
    private static List<String> categoryAndType(Finding f) {
        if (f.getKind() == FindingKind.drift) {
            return List.of("configuration", "change");
        }
        String detector = f.getDetector();
        if (detector.startsWith("flow.")) {
            return List.of("network", "connection");
        }
        if (detector.startsWith("audit.")) {
            return List.of("iam", "info");
        }
        return List.of("intrusion_detection", "info");
    }

    private static void threat(ObjectNode d, List<AttackTechnique> attacks) {
        if (attacks.isEmpty()) {
            return;
        }
        Set<String> techniques = new LinkedHashSet<>();
        Set<String> subTechniques = new LinkedHashSet<>();
        for (AttackTechnique t : attacks) {
            techniques.add(t.technique());
            if (t.subTechnique() != null) {
                subTechniques.add(t.subTechnique());
            }
        }
        ObjectNode threat = d.putObject("threat");
        threat.put("framework", "MITRE ATT&CK");
        ObjectNode technique = threat.putObject("technique");
        ArrayNode ids = technique.putArray("id");
        techniques.forEach(ids::add);
        if (!subTechniques.isEmpty()) {
            ArrayNode subIds = technique.putObject("subtechnique").putArray("id");
            subTechniques.forEach(subIds::add);
        }
    }

    private static void vigil(ObjectNode v, Finding f) {
        v.put("kind", f.getKind().name());
        v.put("severity", f.getSeverity().name());
        v.put("entity", f.getEntity());
        v.put("entity_type", f.getEntityType());
        ArrayNode attack = v.putArray("attack");
        f.getAttack().forEach(attack::add);
        ObjectNode evidence = v.putObject("evidence");
        pairs(evidence.putArray("observed"), f.getEvidence().getObserved());
        pairs(evidence.putArray("baseline"), f.getEvidence().getBaseline());
        evidence.put("reason", f.getEvidence().getReason());
        ArrayNode sources = v.putArray("sources");
        for (SourceRef s : f.getSources()) {
            ObjectNode src = sources.addObject();
            src.put("topic", s.getTopic());
            src.put("partition", s.getPartition());
            src.put("offset", s.getOffset());
            if (s.getRecordId() != null) {
                src.put("record_id", s.getRecordId());
            }
        }
    }

    private static void pairs(ArrayNode out, Map<String, String> map) {
        map.forEach((name, value) -> out.addObject().put("name", name).put("value", value));
    }
}
