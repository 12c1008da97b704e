package io.vigil.streams.detect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.schemas.FlowRecord;
import io.vigil.streams.baseline.FlowFacts;
import io.vigil.streams.baseline.FlowProfile;
import io.vigil.streams.baseline.TestFlows;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a detector's fixture file ({@code <name>.fixtures.jsonl} beside the detector's tests): each line
 * a case with flows (relative seconds from a Monday 00:00 UTC, optional repeats that vary a port or an
 * address), optional config overrides ({@code vigil.flow.} keys without the prefix) and the expected
 * verdict of one detector — a severity (it fires once, or {@code count} times, the last one with severity
 * {@code last} if given), or null for "does not fire".
 *
 * <p>Flow fields: t (seconds), src, sp, dst, dp, proto (6), bytes (1000), packets (10), action (ACCEPT),
 * dir (egress/ingress), instance (i-0a1, null for none), iface (eni-0a1), status (OK); repeat n times
 * every s seconds, varying "dp", "sp" or "dst"/"src" (last IPv4 octet or IPv6 group) by one each time.
 */
final class FlowFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowFixtures() {}

    static List<DynamicTest> run(String resource, String detector) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(FlowFixtures.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = JSON.readTree(line);
                String name = c.hasNonNull("detector") ? c.get("detector").asText() : detector;
                tests.add(DynamicTest.dynamicTest(c.get("case").asText(), () -> check(c, name)));
            }
        }
        return tests;
    }

    private static void check(JsonNode c, String detector) {
        List<FlowAlert> fired = alerts(config(c.get("config")), flows(c.get("flows"))).stream()
                .filter(a -> a.detection().detector().equals(detector)).toList();
        if (c.get("expect").isNull()) {
            assertThat(fired).as("%s must not fire", detector).isEmpty();
        } else {
            assertThat(fired).as("%s fires", detector).hasSize(c.path("count").asInt(1));
            assertThat(fired.get(0).detection().severity().name()).isEqualTo(c.get("expect").asText());
            if (c.hasNonNull("last")) {
                assertThat(fired.get(fired.size() - 1).detection().severity().name()).as("the last finding").isEqualTo(c.get("last").asText());
            }
        }
    }

    /** Every alert of every detector over the flows, in order. */
    static List<FlowAlert> alerts(FlowConfig config, List<FlowRecord> flows) {
        Map<String, FlowProfile> profiles = new HashMap<>();
        FlowFacts facts = new FlowFacts(config.internalNetworks());
        FlowJudge judge = new FlowJudge(config);
        List<FlowAlert> out = new ArrayList<>();
        long offset = 0;
        for (FlowRecord r : flows) {
            if (facts.read(r, r.getStart().toEpochMilli(), "flows.raw", 0, offset++)) {
                FlowProfile p = profiles.computeIfAbsent(facts.entity(), e -> new FlowProfile(e, config.profile().knownPeerServices()));
                out.addAll(judge.judge(p, facts));
            }
        }
        return out;
    }

    static FlowConfig config(JsonNode overrides) {
        Map<String, Object> props = new HashMap<>();
        if (overrides != null) {
            overrides.properties().forEach(e -> props.put("vigil.flow." + e.getKey(), e.getValue().asText()));
        }
        return FlowConfig.from(props);
    }

    static List<FlowRecord> flows(JsonNode specs) {
        List<FlowRecord> out = new ArrayList<>();
        for (JsonNode s : specs) {
            int repeat = s.path("repeat").asInt(1);
            for (int i = 0; i < repeat; i++) {
                out.add(flow(s, i));
            }
        }
        return out;
    }

    private static FlowRecord flow(JsonNode s, int i) {
        String vary = s.path("vary").asText("");
        String src = vary.equals("src") ? bump(s.get("src").asText(), i) : s.get("src").asText();
        String dst = vary.equals("dst") ? bump(s.get("dst").asText(), i) : s.get("dst").asText();
        int sp = s.path("sp").asInt(40000) + (vary.equals("sp") ? i : 0);
        int dp = s.path("dp").asInt(443) + (vary.equals("dp") ? i : 0);
        var b = TestFlows.flow(src, sp, dst, dp).afterSeconds(s.path("t").asLong(0) + i * s.path("every").asLong(0))
                .protocol(s.path("proto").asInt(6)).bytes(s.path("bytes").asLong(1000)).packets(s.path("packets").asLong(10))
                .iface(s.path("iface").asText("eni-0a1")).status(s.path("status").asText("OK"));
        if (s.has("instance")) {
            b.instance(s.get("instance").isNull() ? null : s.get("instance").asText());
        }
        if ("REJECT".equals(s.path("action").asText())) {
            b.reject();
        }
        if (s.hasNonNull("dir")) {
            b.direction(s.get("dir").asText());
        }
        return b.build();
    }

    /** The address with its last IPv4 octet or IPv6 group increased by i. */
    private static String bump(String address, int i) {
        int cut = Math.max(address.lastIndexOf('.'), address.lastIndexOf(':'));
        boolean v6 = address.indexOf(':') >= 0;
        String last = address.substring(cut + 1);
        int value = (last.isEmpty() ? 0 : Integer.parseInt(last, v6 ? 16 : 10)) + i;
        return address.substring(0, cut + 1) + (v6 ? Integer.toHexString(value) : Integer.toString(value));
    }
}
