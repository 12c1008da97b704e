package io.vigil.streams.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a host is known to have, from its osquery inventory: its names, and every package, listening
 * port, process and other row currently reported, by item. Bounded: beyond {@link #MAX_ITEMS} items
 * new ones are counted in {@code droppedItems} instead of kept.
 *
 * @param host          the osquery host identifier (the inventory topic's key prefix)
 * @param lastEventTime event time of the newest row applied, epoch millis
 * @param items         item key (see {@link HostItem#key}) to the item
 * @param droppedItems  items not kept because the host already had {@link #MAX_ITEMS}
 */
public record HostBaseline(@JsonProperty("host") String host, @JsonProperty("hostname") String hostname,
                           @JsonProperty("instance_id") String instanceId, @JsonProperty("last_event_time") long lastEventTime,
                           @JsonProperty("items") TreeMap<String, HostItem> items, @JsonProperty("dropped_items") long droppedItems) {
    public static final int MAX_ITEMS = 10_000;

    public static HostBaseline empty(String host) {
        return new HostBaseline(host, null, null, Long.MIN_VALUE, new TreeMap<>(), 0);
    }

    /** Items of one kind ({@code PACKAGE}, {@code LISTENING_PORT}, {@code PROCESS}, {@code OTHER}). */
    public Map<String, HostItem> itemsOf(String kind) {
        Map<String, HostItem> out = new TreeMap<>();
        items.forEach((k, v) -> {
            if (kind.equals(v.kind())) {
                out.put(k, v);
            }
        });
        return out;
    }
}
