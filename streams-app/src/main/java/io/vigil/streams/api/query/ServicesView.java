package io.vigil.streams.api.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ports and services of a host, from both places they are learned: the sockets osquery reports
 * listening (its inventory baseline) and the services its flows show it serving and using (its flow
 * profile, under the host name and under the EC2 instance id the inventory names). Composed at query
 * time from the two baselines, so there is no third copy of either to keep in step.
 */
public final class ServicesView {
    /** The API path of the services view; the host follows it. */
    public static final String PATH = "/baselines/services/";

    private ServicesView() {}

    /** Finds the host's baselines through {@code queries} (wherever they are) and composes them. */
    public static Answer of(BaselineQueries queries, String host) {
        Answer inventory = queries.get(BaselineKind.HOSTS, host, false);
        Set<String> entities = new LinkedHashSet<>(List.of(host));
        inventory.body().map(b -> b.get("instance_id")).filter(String.class::isInstance).map(String.class::cast).ifPresent(entities::add);
        List<Answer> flows = new ArrayList<>();
        for (String entity : entities) {
            flows.add(queries.get(BaselineKind.FLOWS, entity, false));
        }
        if (!inventory.found() && flows.stream().noneMatch(Answer::found)) {
            boolean unavailable = inventory.status() == Answer.Status.UNAVAILABLE || flows.stream().anyMatch(a -> a.status() == Answer.Status.UNAVAILABLE);
            return unavailable ? Answer.unavailable("the host's baselines are not queryable now") : Answer.notFound();
        }
        return Answer.found(compose(host, inventory.body(), flows.stream().flatMap(a -> a.body().stream()).toList()));
    }

    /** The services view from a host's inventory baseline (if any) and its flow profiles (JSON-able maps, as the API returns them). */
    public static Map<String, Object> compose(String host, Optional<Map<String, Object>> inventory, List<Map<String, Object>> flowProfiles) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", host);
        out.put("instance_id", inventory.map(b -> b.get("instance_id")).orElse(null));
        out.put("listening", listening(inventory));
        List<Map<String, Object>> served = new ArrayList<>();
        List<Map<String, Object>> used = new ArrayList<>();
        for (Map<String, Object> profile : flowProfiles) {
            if (profile.get("services") instanceof List<?> services) {
                for (Object s : services) {
                    if (s instanceof Map<?, ?> service) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("entity", profile.get("entity"));
                        service.forEach((k, v) -> e.put(String.valueOf(k), v));
                        ("server".equals(service.get("role")) ? served : used).add(e);
                    }
                }
            }
        }
        out.put("served_in_flows", served);
        out.put("used_in_flows", used);
        out.put("flow_entities", flowProfiles.stream().map(p -> p.get("entity")).toList());
        return out;
    }

    private static List<Map<String, Object>> listening(Optional<Map<String, Object>> inventory) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (inventory.isPresent() && inventory.get().get("items") instanceof Map<?, ?> items) {
            for (Object item : items.values()) {
                if (item instanceof Map<?, ?> i && "LISTENING_PORT".equals(i.get("kind"))) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    for (String field : List.of("port", "protocol", "address", "name", "pid", "path", "first_seen")) {
                        if (i.get(field) != null) {
                            e.put(field.equals("name") ? "process" : field, i.get(field));
                        }
                    }
                    out.add(e);
                }
            }
        }
        return out;
    }
}
