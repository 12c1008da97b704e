package io.vigil.streams.finding;

import io.vigil.schemas.FindingKind;
import io.vigil.schemas.Severity;
import java.util.List;
import java.util.Map;

/**
 * What a pure detector concludes about one event, before the processor adds where the event came
 * from (topic/partition/offset) and when it was detected. {@code evidenceKey} identifies the proof
 * (e.g. the CloudTrail eventID) and so fixes the finding id.
 */
public record Detection(String detector, FindingKind kind, Severity severity, String entity, String entityType, String account,
                        List<String> attack, String summary, Map<String, String> observed, Map<String, String> baseline,
                        String reason, String evidenceKey, List<String> tags) {}
