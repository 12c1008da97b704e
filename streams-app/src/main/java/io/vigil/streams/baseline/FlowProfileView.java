package io.vigil.streams.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One entity's flow baseline as a JSON-able map (strings, numbers, booleans, lists, maps) for the
 * baseline API and {@code vigil baseline show}: what a person needs to judge a finding against.
 */
public final class FlowProfileView {
    /** Large enough that decoding for display never evicts a stored entry. */
    private static final int DISPLAY_CAPACITY = 4096;

    private FlowProfileView() {}

    /** The committed profile of {@code entity} in a flow profile store (as interactive queries return it). */
    public static Optional<Map<String, Object>> read(ReadOnlyKeyValueStore<String, byte[]> store, String entity) {
        if (store.get(FlowProfileCodec.profileKey(entity)) == null) {
            return Optional.empty();
        }
        try (KeyValueIterator<String, byte[]> hours = store.range(FlowProfileCodec.hourKey(entity, 0),
                FlowProfileCodec.hourKey(entity, HourlyVolume.SLOTS - 1))) {
            return Optional.of(of(FlowProfileCodec.decode(entity, DISPLAY_CAPACITY, store::get, hours)));
        }
    }

    public static Map<String, Object> of(FlowProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", p.entity());
        m.put("entity_type", p.entityType());
        m.put("account", p.account());
        m.put("interface_id", p.interfaceId());
        m.put("first_seen", time(p.firstSeen()));
        m.put("last_seen", time(p.lastSeen()));
        m.put("records", p.records());
        m.put("rejected_records", p.rejectedRecords());
        m.put("learning", p.learned() ? Map.of("state", "learned", "learned_at", time(p.learnedAt())) : Map.of("state", "learning"));
        m.put("distinct_peers_estimate", p.distinctPeers());
        m.put("distinct_service_ports_estimate", p.distinctServicePorts());
        m.put("services", services(p.services(), false));
        m.put("peer_services", services(p.peerServices(), true));
        m.put("outbound_public_bytes", volume(p.volume()));
        m.put("active_hours_of_week", activeHours(p.activity()));
        m.put("known_internal_peers", p.internalPeers().size());
        m.put("recent_probes", probes(p.probes()));
        m.put("recent_connections", connections(p.connections()));
        return m;
    }

    /** The hours of the week (UTC) in which the entity was active, for {@code flow.time_of_day}. */
    private static List<String> activeHours(ActiveHours a) {
        List<String> out = new ArrayList<>();
        for (int slot = 0; slot < ActiveHours.SLOTS; slot++) {
            if (a.active(slot)) {
                out.add(HourlyVolume.slotName(slot));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> services(KnownServices table, boolean withPeer) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < table.slots(); i++) {
            if (!table.used(i)) {
                continue;
            }
            int service = table.service(i);
            Map<String, Object> e = new LinkedHashMap<>();
            if (withPeer) {
                e.put("peer", peer(table.bucket(i), service));
            }
            e.put("port", Service.port(service));
            e.put("protocol", Service.protocolName(Service.protocol(service)));
            e.put("role", Service.client(service) ? "client" : "server");
            e.put("first_seen_hour", time(table.firstSeen(i) * 3_600_000L));
            e.put("last_seen_hour", time(table.lastSeen(i) * 3_600_000L));
            out.add(e);
        }
        out.sort((a, b) -> String.valueOf(a.get("first_seen_hour")).compareTo(String.valueOf(b.get("first_seen_hour"))));
        return out;
    }

    /** Text of a peer bucket: {@code 10.0.1.0/24}, {@code 2600:1f18:a:b::/64}, or {@code internet}. */
    public static String peer(long bucket, int service) {
        if ((service & Service.INTERNET) != 0) {
            return "internet";
        }
        return Addresses.bucketText(bucket, (service & Service.V6) != 0);
    }

    private static Map<String, Object> volume(HourlyVolume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("current_hour", v.currentHour() < 0 ? null : time(v.currentHour() * 3_600_000L));
        m.put("current_hour_bytes", v.currentBytes());
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int s = 0; s < HourlyVolume.SLOTS; s++) {
            if (v.samples(s) > 0) {
                slots.add(Map.of("hour_of_week", HourlyVolume.slotName(s), "weeks", v.samples(s), "median_bytes", Math.round(v.slotMedian(s))));
            }
        }
        m.put("hours_of_week", slots);
        return m;
    }

    private static List<Map<String, Object>> probes(ProbeWindows windows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProbeWindow w : windows.all()) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (windows.isSweep(w)) {
                e.put("service", Service.text(w.service()));
                e.put("distinct_peers", w.distinct());
            } else {
                e.put("peer", Addresses.format(w.peerHi(), w.peerLo()));
                e.put("role", Service.client(w.service()) ? "client" : "server");
                e.put("distinct_ports", w.distinct());
            }
            e.put("window_start", time(w.start()));
            e.put("probes", w.probes());
            e.put("rejected", w.rejects());
            out.add(e);
        }
        return out;
    }

    private static List<Map<String, Object>> connections(ConnectionWindows windows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectionWindow w : windows.all()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("peer", Addresses.format(w.peerHi(), w.peerLo()));
            e.put("service", Service.text(w.service()));
            e.put("window_start", time(w.start()));
            e.put("window_last", time(w.last()));
            e.put("flows", w.flows());
            e.put("rejected", w.rejects());
            e.put("packets", w.packets());
            e.put("bytes", w.bytes());
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < w.refs(); i++) {
                sources.add(w.refPartition(i) + "/" + w.refOffset(i) + " " + w.refRecordId(i));
            }
            e.put("sources", sources);
            out.add(e);
        }
        return out;
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
