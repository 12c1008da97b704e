package io.vigil.streams.bench;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic VPC flow records (version 5, both directions of each conversation) for the
 * benchmark: an estate of {@value #INTERFACES} interfaces — web servers serving the internet, app
 * servers calling databases and public APIs, databases, batch jobs uploading to object storage, SSH
 * bastions, a fifth of them dual-stack — spread over three days of event time in time order, with
 * internet background scanning and, after the first day (once baselines have learned), a few attacks:
 * an outbound port scan, an inbound scan, an SSH host sweep, a refused-SSH burst, a mining-pool
 * connection, and an exfiltration. The same seed and count always give the same records.
 */
public final class SyntheticFlows implements Iterator<FlowRecord> {
    public static final int INTERFACES = 600;
    public static final Instant START = Instant.parse("2024-08-05T00:00:00Z");
    public static final Duration SPAN = Duration.ofHours(72);
    private static final String ACCOUNT = "123456789012";
    private static final Instant COLLECTED = START.plus(SPAN);
    private static final double[] ATTACKS_AT = {0.50, 0.60, 0.70, 0.75, 0.80, 0.85};

    private enum Role { WEB, APP, DB, BATCH, BASTION }

    private record Host(String interfaceId, String instanceId, String ip, String ipv6, Role role, String subnet) {}

    private final SplittableRandom random;
    private final long records;
    private final int attackSize;
    private final Host[] hosts = new Host[INTERFACES];
    private final String[] clients = pool(4096, "198.18.", "2001:db8:c::");
    private final String[] apis = pool(64, "203.0.", "2001:db8:a::");
    private final String[] storage = pool(32, "52.216.", "2600:1f18:5::");
    private final ArrayDeque<FlowRecord> pending = new ArrayDeque<>();
    private long emitted;
    private int nextAttack;

    public SyntheticFlows(long seed, long records) {
        this.random = new SplittableRandom(seed);
        this.records = records;
        this.attackSize = (int) Math.max(40, Math.min(200, records / 100));
        Role[] roles = Role.values();
        for (int i = 0; i < INTERFACES; i++) {
            Role role = i % 20 == 19 ? Role.BASTION : roles[i % 4];
            String ip = "10." + (i / 250) + "." + (i % 250 / 50) + "." + (10 + i % 50);
            hosts[i] = new Host(String.format("eni-%017x", 0x5eed000L + i), String.format("i-%017x", 0xb0b000L + i), ip,
                    i % 5 == 0 ? "2600:1f18:100:" + Integer.toHexString(i / 250) + "::" + Integer.toHexString(10 + i) : null, role,
                    "subnet-" + (i / 50));
        }
    }

    @Override
    public boolean hasNext() {
        return emitted < records;
    }

    @Override
    public FlowRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (pending.isEmpty()) {
            generate(START.plusMillis(emitted * SPAN.toMillis() / records));
        }
        emitted++;
        return pending.poll();
    }

    private void generate(Instant t) {
        if (nextAttack < ATTACKS_AT.length && emitted >= ATTACKS_AT[nextAttack] * records) {
            attack(nextAttack++, t);
            return;
        }
        Host h = hosts[random.nextInt(INTERFACES)];
        boolean v6 = h.ipv6 != null && random.nextInt(10) < 3;
        String self = v6 ? h.ipv6 : h.ip;
        if (random.nextInt(100) < 3) {
            add(h, pick(clients, v6), 40000 + random.nextInt(20000), self, 1 + random.nextInt(1024), "ingress", t, 1, 44, "REJECT");
            return;
        }
        switch (h.role) {
            case WEB -> conversation(h, false, pick(clients, v6), self, 443, t, 1500, 60_000);
            case APP -> {
                if (random.nextInt(10) < 7) {
                    conversation(h, true, self, hosts[3 + 4 * random.nextInt(INTERFACES / 4 - 1)].ip, 5432, t, 600, 8_000);
                } else {
                    conversation(h, true, self, pick(apis, v6), 443, t, 2000, 30_000);
                }
            }
            case DB -> conversation(h, false, hosts[1 + 4 * random.nextInt(INTERFACES / 4 - 1)].ip, h.ip, 5432, t, 600, 8_000);
            case BATCH -> conversation(h, true, self, pick(storage, v6), 443, t, 2_000_000, 4_000);
            case BASTION -> conversation(h, false, "192.0.2." + (10 + random.nextInt(3)), h.ip, 22, t, 5_000, 20_000);
        }
    }

    /** A request and its response: {@code fromEntity} says whether the entity (h) started it. */
    private void conversation(Host h, boolean fromEntity, String client, String server, int port, Instant t, int requestBytes, int responseBytes) {
        int ephemeral = 32768 + random.nextInt(28000);
        int req = requestBytes / 2 + random.nextInt(requestBytes);
        int resp = responseBytes / 2 + random.nextInt(responseBytes);
        add(h, client, ephemeral, server, port, fromEntity ? "egress" : "ingress", t, 2 + req / 1400, req, "ACCEPT");
        add(h, server, port, client, ephemeral, fromEntity ? "ingress" : "egress", t, 2 + resp / 1400, resp, "ACCEPT");
    }

    private void attack(int which, Instant t) {
        Host h = hosts[7 + 10 * which];
        switch (which) {
            case 0 -> {
                for (int p = 1; p <= attackSize; p++) {
                    add(h, h.ip, 51000, "198.51.100.66", p, "egress", t, 1, 44, "REJECT");
                }
            }
            case 1 -> {
                for (int p = 1; p <= attackSize; p++) {
                    add(h, "198.51.100.99", 61000, h.ip, p, "ingress", t, 1, 44, "REJECT");
                }
            }
            case 2 -> {
                for (int i = 0; i < attackSize; i++) {
                    add(h, h.ip, 52000 + i, "10.9." + (i / 200) + "." + (i % 200 + 1), 22, "egress", t, 1, 60, "REJECT");
                }
            }
            case 3 -> {
                for (int i = 0; i < attackSize; i++) {
                    add(h, "198.51.100.13", 40000 + i, h.ip, 22, "ingress", t, 1, 60, "REJECT");
                }
            }
            case 4 -> conversation(h, true, h.ip, "198.51.100.20", 3333, t, 600, 900);
            default -> {
                for (int i = 0; i < 20; i++) {
                    add(h, h.ip, 45000 + i, "198.51.100.200", 443, "egress", t, 80_000, 100_000_000, "ACCEPT");
                }
            }
        }
    }

    private void add(Host h, String src, int srcPort, String dst, int dstPort, String direction, Instant t, long packets, long bytes,
                     String action) {
        pending.add(FlowRecord.newBuilder().setVersion(5).setAccountId(ACCOUNT).setInterfaceId(h.interfaceId).setInstanceId(h.instanceId)
                .setSrcaddr(src).setDstaddr(dst).setSrcport(srcPort).setDstport(dstPort).setProtocol(6).setPackets(packets).setBytes(bytes)
                .setStart(t).setEnd(t.plusSeconds(60)).setAction(action).setLogStatus("OK").setVpcId("vpc-0bench").setSubnetId(h.subnet)
                .setType(src.indexOf(':') >= 0 ? "IPv6" : "IPv4").setFlowDirection(direction)
                .setOrigin(new Origin("bench", "record " + (emitted + pending.size()), "vpcflow", COLLECTED)).build());
    }

    private String pick(String[] pool, boolean v6) {
        int i = random.nextInt(pool.length / 2);
        return pool[v6 ? pool.length / 2 + i : i];
    }

    /** n addresses: the first half IPv4 under a /16 prefix ({@code "a.b."}), the second half IPv6 under {@code v6}. */
    private static String[] pool(int n, String v4, String v6) {
        String[] out = new String[n];
        for (int i = 0; i < n / 2; i++) {
            out[i] = v4 + (i / 200) + "." + (i % 200 + 1);
            out[n / 2 + i] = v6 + Integer.toHexString(i + 1);
        }
        return out;
    }
}
