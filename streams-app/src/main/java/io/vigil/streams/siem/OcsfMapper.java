package io.vigil.streams.siem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.Finding;
import io.vigil.schemas.FindingKind;
import io.vigil.schemas.SourceRef;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A finding as an OCSF 1.5.0 event (JSON), for SIEMs and security lakes that speak OCSF.
 *
 * <p>An anomaly becomes a <b>Detection Finding</b> (class_uid 2004, category_uid 2 Findings, activity
 * 1 Create, so type_uid 200401), with the baseline it was judged against in {@code anomaly_analyses}
 * (Anomaly Analysis: the entity as analysis target, the observed values as anomalies, the baseline's
 * values as baselines, each an observation parameter with its observed value), the entity in
 * {@code evidences}, {@code resources} and {@code observables}.
 *
 * <p>Drift becomes a <b>Compliance Finding</b> (2003, type_uid 200301): drift is a failed check of a
 * resource against its reviewed configuration, which is what that class reports (a compliance control
 * with status Fail, the resource, a remediation), and SIEMs triage it with the other findings. Device
 * Config State Change (5019) was not chosen: it is a Discovery event that requires a {@code device},
 * and most drifting resources (trails, buckets, security groups, keys) are not devices. The changed
 * settings, observed against baseline, go in the resource's {@code data}.
 *
 * <p>{@code time} is the finding's event time (the time of what it is about, so a replay gives the same
 * event and SIEM time ranges match the activity); {@code finding_info.created_time} is when Vigil
 * detected it. Ids are the finding's deterministic id ({@code finding_info.uid}, {@code metadata.uid}),
 * so consumers can de-duplicate. What OCSF has no attribute for (sources, entity type, the raw ATT&CK
 * list) goes in {@code unmapped}.
 *
 * <p>Spec: https://schema.ocsf.io/1.5.0/classes/detection_finding, /classes/compliance_finding, and the
 * objects finding_info, metadata, anomaly_analysis, anomaly, baseline, observation, evidences,
 * resource_details, observable, compliance, attack. Pure: no Kafka types, no clock.
 */
public final class OcsfMapper {
    public static final String SCHEMA_VERSION = "1.5.0";
    static final String PRODUCT = "Vigil";
    static final String PRODUCT_VERSION = "0.1.0";
    /** The standard a drift finding fails: the reviewed configuration Vigil baselined. */
    static final String BASELINE_STANDARD = "Vigil configuration baseline";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CREATE = 1;
    private static final int FINDINGS = 2;
    private static final int DETECTION_FINDING = 2004;
    private static final int COMPLIANCE_FINDING = 2003;
    private static final int STATUS_NEW = 1;
    private static final int COMPLIANCE_FAIL = 3;

    private OcsfMapper() {}

    public static String toJson(Finding f) {
        return toNode(f).toString();
    }

    public static ObjectNode toNode(Finding f) {
        boolean drift = f.getKind() == FindingKind.drift;
        Entity entity = Entity.of(f);
        ObjectNode e = JSON.createObjectNode();
        classify(e, drift ? COMPLIANCE_FINDING : DETECTION_FINDING, drift ? "Compliance Finding" : "Detection Finding");
        e.put("severity_id", Severities.ocsfId(f.getSeverity()));
        e.put("severity", Severities.ocsfCaption(f.getSeverity()));
        e.put("status_id", STATUS_NEW);
        e.put("status", "New");
        long time = f.getEventTime().toEpochMilli();
        e.put("time", time);
        e.put("start_time", time);
        e.put("end_time", time);
        e.put("message", f.getSummary());
        e.put("risk_details", f.getEvidence().getReason());
        ObjectNode metadata = metadata(e.putObject("metadata"), f);
        findingInfo(e.putObject("finding_info"), f, drift);
        if (f.getAccount() != null) {
            metadata.putArray("profiles").add("cloud");
            OcsfEntity.cloud(e.putObject("cloud"), f);
        }
        if (drift) {
            compliance(e, f, entity);
        } else {
            Endpoints ends = Endpoints.of(f, entity);
            e.put("is_alert", true);
            OcsfEvidence.anomalyAnalyses(e.putArray("anomaly_analyses"), f);
            OcsfEntity.evidences(e.putArray("evidences"), entity, ends);
            if (entity.isResource()) {
                OcsfEntity.resource(e.putArray("resources").addObject(), entity, f);
            }
            OcsfEntity.observables(e.putArray("observables"), entity, ends);
        }
        unmapped(e.putObject("unmapped"), f);
        return e;
    }

    private static void classify(ObjectNode e, int classUid, String className) {
        e.put("category_uid", FINDINGS);
        e.put("category_name", "Findings");
        e.put("class_uid", classUid);
        e.put("class_name", className);
        e.put("activity_id", CREATE);
        e.put("activity_name", "Create");
        e.put("type_uid", classUid * 100 + CREATE);
        e.put("type_name", className + ": Create");
    }

    private static ObjectNode metadata(ObjectNode m, Finding f) {
        m.put("version", SCHEMA_VERSION);
        ObjectNode product = m.putObject("product");
        product.put("name", PRODUCT);
        product.put("vendor_name", PRODUCT);
        product.put("version", PRODUCT_VERSION);
        m.put("uid", f.getId());
        m.put("log_name", "findings");
        if (!f.getTags().isEmpty()) {
            ArrayNode labels = m.putArray("labels");
            f.getTags().forEach(labels::add);
        }
        return m;
    }

    private static void findingInfo(ObjectNode info, Finding f, boolean drift) {
        info.put("uid", f.getId());
        info.put("title", f.getDetector() + " on " + f.getEntity());
        info.put("desc", f.getSummary());
        info.putArray("types").add(f.getDetector());
        info.put("created_time", f.getDetectedAt().toEpochMilli());
        info.put("first_seen_time", f.getEventTime().toEpochMilli());
        info.put("last_seen_time", f.getEventTime().toEpochMilli());
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("uid", f.getDetector());
        analytic.put("name", f.getDetector());
        // Drift compares against a reviewed configuration (a rule); anomalies against learned behaviour.
        analytic.put("type_id", drift ? 1 : 2);
        analytic.put("type", drift ? "Rule" : "Behavioral");
        Set<String> topics = new LinkedHashSet<>();
        f.getSources().forEach(s -> topics.add(s.getTopic()));
        if (!topics.isEmpty()) {
            ArrayNode dataSources = info.putArray("data_sources");
            topics.forEach(dataSources::add);
        }
        var attacks = AttackTechnique.of(f.getAttack());
        if (!attacks.isEmpty()) {
            ArrayNode out = info.putArray("attacks");
            for (AttackTechnique t : attacks) {
                ObjectNode attack = out.addObject();
                attack.putObject("technique").put("uid", t.technique());
                if (t.subTechnique() != null) {
                    attack.putObject("sub_technique").put("uid", t.subTechnique());
                }
            }
        }
    }

    private static void compliance(ObjectNode e, Finding f, Entity entity) {
        ObjectNode c = e.putObject("compliance");
        c.putArray("standards").add(BASELINE_STANDARD);
        c.put("control", f.getDetector());
        c.put("status_id", COMPLIANCE_FAIL);
        c.put("status", "Fail");
        c.put("status_detail", f.getEvidence().getReason());
        ObjectNode resource = e.putArray("resources").addObject();
        OcsfEntity.resource(resource, entity, f);
        OcsfEvidence.changedSettings(resource.putObject("data"), f);
        e.putObject("remediation").put("desc", "Review the change against the resource's reviewed baseline configuration;"
                + " if it was not approved, revert it to the baselined values.");
        OcsfEntity.observable(e.putArray("observables"), "resources.uid", OcsfEntity.RESOURCE_UID, entity.id());
    }

    private static void unmapped(ObjectNode u, Finding f) {
        u.put("entity", f.getEntity());
        u.put("entity_type", f.getEntityType());
        ArrayNode attack = u.putArray("attack");
        f.getAttack().forEach(attack::add);
        ArrayNode sources = u.putArray("sources");
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
}
