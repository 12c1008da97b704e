package io.vigil.streams.baseline;

import static io.vigil.streams.baseline.TestFlows.flow;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class FlowProfileCodecTest {
    private static final ProfileSettings SETTINGS = new ProfileSettings(86_400_000L, 100_000, 600_000, 128);

    @Test
    void everyPartSurvivesStorage() {
        FlowProfile p = busyProfile();
        TreeMap<String, byte[]> store = store(p);
        FlowProfile copy = decode(store, p.entity());
        assertThat(FlowProfileView.of(copy)).isEqualTo(FlowProfileView.of(p));
    }

    @Test
    void onlyChangedPartsAreWrittenAgain() {
        FlowProfile p = busyProfile();
        store(p);
        FlowFacts f = new FlowFacts(InternalNetworks.NONE);
        f.read(flow("203.0.113.9", 50000, "10.0.0.5", 80).direction("ingress").reject().afterSeconds(48 * 3600L + 100).build(), 0, "flows.raw", 0, 9);
        p.observe(f, SETTINGS);
        assertThat(store(p)).containsOnlyKeys(FlowProfileCodec.profileKey("i-0a1"));
        f.read(flow("203.0.113.9", 50000, "10.0.0.5", 80).direction("ingress").reject().afterSeconds(49 * 3600L + 100).build(), 0, "flows.raw", 0, 10);
        p.observe(f, SETTINGS);
        assertThat(store(p)).containsOnlyKeys(FlowProfileCodec.profileKey("i-0a1"), FlowProfileCodec.hourKey("i-0a1", 48));
    }

    @Test
    void aBusyEntityStaysSmall() {
        TreeMap<String, byte[]> store = store(busyProfile());
        assertThat(store.values().stream().mapToInt(v -> v.length).sum()).isLessThan(6_000);
        assertThat(store.get(FlowProfileCodec.profileKey("i-0a1"))).hasSizeLessThan(1_500);
    }

    @Test
    void theViewShowsWhatWasLearned() {
        var view = FlowProfileView.of(busyProfile());
        assertThat(view).containsEntry("entity", "i-0a1").containsEntry("entity_type", "instance").containsKey("learning");
        assertThat((List<?>) view.get("peer_services")).isNotEmpty();
        assertThat((List<?>) view.get("recent_probes")).isNotEmpty();
    }

    @Test
    void connectionWindowsSurviveStorage() {
        FlowProfile p = busyProfile();
        assertThat(p.connections().all()).isNotEmpty();
        FlowProfile copy = decode(store(p), p.entity());
        assertThat(FlowProfileView.of(copy).get("recent_connections")).isEqualTo(FlowProfileView.of(p).get("recent_connections"));
        assertThat((List<?>) FlowProfileView.of(copy).get("recent_connections")).hasSameSizeAs(p.connections().all());
    }

    @Test
    void olderVersionsAreStillRead() {
        FlowProfile p = busyProfile();
        p.connections().prune(Long.MAX_VALUE);
        TreeMap<String, byte[]> store = store(p);
        byte[] v3 = store.get(FlowProfileCodec.profileKey("i-0a1"));
        assertThat(v3[0]).isEqualTo(FlowProfileCodec.VERSION);
        // Version 3 appended the active hours (40 bytes) and the new-peer count (12) to the profile part, and the
        // internal peers (an empty table here: 2 bytes) to the peers part; version 2 ends with the connection
        // windows (an empty list: one zero byte), which version 1 did not write.
        byte[] v2 = java.util.Arrays.copyOf(v3, v3.length - 52);
        assertThat(v2[v2.length - 1]).isZero();
        byte[] peers = store.get(FlowProfileCodec.peersKey("i-0a1"));
        store.put(FlowProfileCodec.peersKey("i-0a1"), java.util.Arrays.copyOf(peers, peers.length - 2));
        for (byte version = 2; version >= 1; version--) {
            TreeMap<String, byte[]> old = new TreeMap<>(store);
            old.put(FlowProfileCodec.profileKey("i-0a1"), version == 2 ? v2 : java.util.Arrays.copyOf(v2, v2.length - 1));
            byte v = version;
            old.replaceAll((k, bytes) -> {
                byte[] b = bytes.clone();
                b[0] = v;
                return b;
            });
            var copy = FlowProfileView.of(decode(old, p.entity()));
            var expected = FlowProfileView.of(p);
            // What the old formats lacked starts empty: time-of-day tracking begins anew.
            assertThat(copy.get("active_hours_of_week")).asList().isEmpty();
            copy.remove("active_hours_of_week");
            expected.remove("active_hours_of_week");
            assertThat(copy).as("version %d", version).isEqualTo(expected);
        }
    }

    @Test
    void activeHoursAndInternalPeersSurviveStorage() {
        FlowProfile p = busyProfile();
        FlowFacts f = new FlowFacts(InternalNetworks.NONE);
        f.read(flow("10.0.0.5", 40000, "10.0.3.3", 5432).direction("egress").afterSeconds(49 * 3600L).build(), 0, "flows.raw", 0, 99);
        p.observe(f, SETTINGS);
        FlowProfile copy = decode(store(p), p.entity());
        assertThat((List<?>) FlowProfileView.of(copy).get("active_hours_of_week")).hasSize(48);
        assertThat(copy.knowsInternalPeer(f)).isTrue();
        assertThat(FlowProfileView.of(copy)).isEqualTo(FlowProfileView.of(p));
    }

    /** What a commit would write: the dirty parts, by key. */
    static TreeMap<String, byte[]> store(FlowProfile p) {
        List<KeyValue<String, byte[]>> parts = new ArrayList<>();
        new FlowProfileCodec().encodeDirty(p, parts);
        TreeMap<String, byte[]> store = new TreeMap<>();
        parts.forEach(kv -> store.put(kv.key, kv.value));
        return store;
    }

    static FlowProfile decode(TreeMap<String, byte[]> store, String entity) {
        var hours = store.subMap(FlowProfileCodec.hourKey(entity, 0), true, FlowProfileCodec.hourKey(entity, 167), true).entrySet().stream()
                .map(e -> KeyValue.pair(e.getKey(), e.getValue())).iterator();
        return FlowProfileCodec.decode(entity, 128, store::get, hours);
    }

    /** Services, peers over two days, hourly volume, and a scan in progress. */
    static FlowProfile busyProfile() {
        FlowProfile p = new FlowProfile("i-0a1", 128);
        FlowFacts f = new FlowFacts(InternalNetworks.NONE);
        long offset = 0;
        for (int hour = 0; hour < 48; hour++) {
            for (int peer = 1; peer <= 20; peer++) {
                f.read(flow("10.0.0.5", 40000 + peer, "198.51." + peer + ".10", 443).direction("egress").afterSeconds(hour * 3600L + peer)
                        .bytes(100_000L * peer).build(), 0, "flows.raw", 0, offset++);
                p.observe(f, SETTINGS);
            }
            f.read(flow("2001:db8::9", 40000, "10.0.0.5", 22).direction("ingress").afterSeconds(hour * 3600L + 30).build(), 0, "flows.raw", 0,
                    offset++);
            p.observe(f, SETTINGS);
        }
        for (int port = 1; port < 40; port++) {
            f.read(flow("203.0.113.9", 50000, "10.0.0.5", port).direction("ingress").reject().packets(1).afterSeconds(48 * 3600L + port).build(),
                    0, "flows.raw", 0, offset++);
            p.observe(f, SETTINGS);
        }
        return p;
    }
}
