package io.vigil.streams.detect.audit.instance;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per role (the audit topic's key), the public addresses its instances' credentials were used from:
 * which instances and which temporary keys used each, and whether it was reported as outside.
 *
 * @param addresses by address text; bounded to {@value #MAX_ADDRESSES}, the least recently seen unflagged one makes room
 */
record RoleAddresses(TreeMap<String, AddressUse> addresses) {
    static final int MAX_ADDRESSES = 128;
    static final int MAX_MEMBERS = 8;

    static RoleAddresses empty() {
        return new RoleAddresses(new TreeMap<>());
    }

    /**
     * One address's use by the role's instance credentials.
     *
     * @param instances     instances whose credentials were used from it (bounded)
     * @param keys          temporary access keys used from it (bounded)
     * @param flagged       reported as outside the estate at MEDIUM or above: never learned as the estate's
     * @param day           UTC day (epoch day) of {@code reportedOnDay}
     * @param reportedOnDay findings raised for it on that day
     */
    record AddressUse(TreeSet<String> instances, TreeSet<String> keys, long firstSeen, long lastSeen, boolean flagged, long day, int reportedOnDay) {
        /** The estate's own egress: used by two instances of the role, or by one instance across two credential rotations, and never reported. */
        boolean home() {
            return !flagged && (instances.size() >= 2 || keys.size() >= 2);
        }
    }

    AddressUse get(String address) {
        return addresses.get(address);
    }

    /** The addresses learned as the given instance's own (or the role's shared egress it used). */
    TreeSet<String> homesOf(String instanceId) {
        TreeSet<String> out = new TreeSet<>();
        addresses.forEach((a, u) -> {
            if (u.home() && u.instances().contains(instanceId)) {
                out.add(a);
            }
        });
        return out;
    }

    /** Addresses learned as the estate's for any instance of the role. */
    TreeSet<String> homes() {
        TreeSet<String> out = new TreeSet<>();
        addresses.forEach((a, u) -> {
            if (u.home()) {
                out.add(a);
            }
        });
        return out;
    }

    RoleAddresses with(String address, AddressUse use) {
        TreeMap<String, AddressUse> next = new TreeMap<>(addresses);
        next.put(address, use);
        while (next.size() > MAX_ADDRESSES) {
            String oldest = next.entrySet().stream().filter(e -> !e.getKey().equals(address))
                    .min(Comparator.comparing((Map.Entry<String, AddressUse> e) -> e.getValue().flagged())
                            .thenComparingLong(e -> e.getValue().lastSeen()))
                    .map(Map.Entry::getKey).orElseThrow();
            next.remove(oldest);
        }
        return new RoleAddresses(next);
    }

    static <T extends Comparable<T>> TreeSet<T> plus(TreeSet<T> set, T value) {
        TreeSet<T> next = new TreeSet<>(set);
        next.add(value);
        while (next.size() > MAX_MEMBERS) {
            next.pollFirst();
        }
        return next;
    }
}
