package io.vigil.streams.baseline;

import io.vigil.schemas.FlowRecord;
import io.vigil.schemas.SourceRef;

/**
 * One flow record read from the point of view of its internal endpoint (the entity): who the peer is,
 * which way the bytes went, which service was used and in which role. Mutable and reused for every
 * record of a processor; its string fields stay in the record's bytes until needed, and entity names
 * are interned, so reading a record of a known entity allocates nothing.
 *
 * <p>The entity is the instance when the record names one, else the interface and the entity's own
 * address. The entity's side is the source of egress records and the destination of ingress ones;
 * without a direction (flow log versions before 5) it is the destination if that is internal, else
 * the source.
 */
public final class FlowFacts {
    private static final long HOUR_MS = 3_600_000L;

    private final InternalNetworks internal;
    private final EntityNames names = new EntityNames();
    private final long[] scratch = new long[2];

    final Text account = new Text();
    final Text interfaceId = new Text();
    final Text instanceId = new Text();
    final Text srcaddr = new Text();
    final Text dstaddr = new Text();
    final Text action = new Text();
    final Text logStatus = new Text();
    final Text direction = new Text();
    int srcPort;
    boolean hasSrcPort;
    int dstPort;
    int protocol;
    long bytes;
    long packets;
    long start;
    boolean hasStart;

    private String entity;
    private String entityType;
    private long time;
    private boolean traffic;
    private long localHi;
    private long localLo;
    private long peerHi;
    private long peerLo;
    private boolean peerInternal;
    private boolean outbound;
    private int servicePort;
    private boolean client;
    private boolean rejected;
    private String topic;
    private int partition;
    private long offset;

    public FlowFacts(InternalNetworks internal) {
        this.internal = internal;
    }

    /** Reads a decoded record: {@link #fill} then {@link #derive}. */
    public boolean read(FlowRecord r, long timestamp, String topic, int partition, long offset) {
        fill(r);
        return derive(timestamp, topic, partition, offset);
    }

    /** Takes the fields of a decoded record (the other way in is {@link FlowRecordBytes}, straight from the wire). */
    public void fill(FlowRecord r) {
        account.set(r.getAccountId());
        interfaceId.set(r.getInterfaceId());
        instanceId.set(r.getInstanceId());
        srcaddr.set(r.getSrcaddr());
        dstaddr.set(r.getDstaddr());
        action.set(r.getAction());
        logStatus.set(r.getLogStatus());
        direction.set(r.getFlowDirection());
        hasSrcPort = r.getSrcport() != null;
        srcPort = hasSrcPort ? r.getSrcport() : 0;
        dstPort = r.getDstport() != null ? r.getDstport() : 0;
        protocol = r.getProtocol() != null ? r.getProtocol() : -1;
        bytes = r.getBytes() != null ? r.getBytes() : 0;
        packets = r.getPackets() != null ? r.getPackets() : 0;
        hasStart = r.getStart() != null;
        start = hasStart ? r.getStart().toEpochMilli() : 0;
    }

    /**
     * Works out the entity's point of view from the filled fields; false when the record names no entity
     * at all. {@code timestamp} (the record's event time) stands in for a missing flow start.
     */
    public boolean derive(long timestamp, String topic, int partition, long offset) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.time = hasStart ? start : timestamp;
        boolean hasSrc = Addresses.parse(srcaddr, scratch);
        long srcHi = scratch[0];
        long srcLo = scratch[1];
        boolean hasDst = hasSrc && Addresses.parse(dstaddr, scratch);
        traffic = hasDst && !logStatus.is("NODATA") && !logStatus.is("SKIPDATA");
        if (!traffic) {
            Text id = instanceId.present() ? instanceId : interfaceId;
            entity = id.present() ? names.of(id, '/', null) : null;
            entityType = instanceId.present() ? "instance" : "interface";
            return entity != null;
        }
        long dstHi = scratch[0];
        long dstLo = scratch[1];
        outbound = localIsSource(internal.isInternal(dstHi, dstLo));
        localHi = outbound ? srcHi : dstHi;
        localLo = outbound ? srcLo : dstLo;
        peerHi = outbound ? dstHi : srcHi;
        peerLo = outbound ? dstLo : srcLo;
        peerInternal = internal.isInternal(peerHi, peerLo);
        rejected = action.is("REJECT");
        readService();
        entityOf();
        return true;
    }

    private boolean localIsSource(boolean dstInternal) {
        if (direction.is("egress")) {
            return true;
        }
        if (direction.is("ingress")) {
            return false;
        }
        return !dstInternal;
    }

    /**
     * The service port is the server's: a rejected flow was refused to its initiator, the source; else
     * the side with a well-known port (below 1024), else the lower port, is the server.
     */
    private void readService() {
        int src = srcPort;
        int dst = dstPort;
        boolean sourceIsClient;
        if (!Service.hasPorts(protocol) || rejected || src == dst) {
            sourceIsClient = true;
        } else if ((src < 1024) != (dst < 1024)) {
            sourceIsClient = dst < 1024;
        } else {
            sourceIsClient = dst < src;
        }
        servicePort = Service.hasPorts(protocol) ? (sourceIsClient ? dst : src) : 0;
        client = sourceIsClient == outbound;
    }

    private void entityOf() {
        if (instanceId.present()) {
            entity = names.of(instanceId, '/', null);
            entityType = "instance";
        } else {
            Text local = outbound ? srcaddr : dstaddr;
            entity = interfaceId.present() ? names.of(interfaceId, '/', local) : names.of(local, '/', null);
            entityType = interfaceId.present() ? "interface" : "ip";
        }
    }

    /** The record as a source of a finding: where it is, and an id made of its 5-tuple start. */
    public SourceRef source() {
        return new SourceRef(topic, partition, offset, recordId());
    }

    /** {@code interface_id:start:srcaddr:srcport}: stable across re-collection, unlike the offset. */
    public String recordId() {
        return outbound ? recordId(interfaceName(), time, localHi, localLo, srcPort()) : recordId(interfaceName(), time, peerHi, peerLo, srcPort());
    }

    /** The record id of a traffic record from its parts (the source address printed canonically, -1 for no port). */
    static String recordId(String interfaceId, long start, long srcHi, long srcLo, int srcPort) {
        return interfaceId + ":" + start + ":" + Addresses.format(srcHi, srcLo) + ":" + (srcPort < 0 ? "null" : Integer.toString(srcPort));
    }

    /** The interface id, interned like entity names (null when absent). */
    String interfaceName() {
        return interfaceId.present() ? names.of(interfaceId, '/', null) : null;
    }

    /** The source port, or -1 when the record has none. */
    int srcPort() {
        return hasSrcPort ? srcPort : -1;
    }

    public String entity() {
        return entity;
    }

    public String entityType() {
        return entityType;
    }

    public String account() {
        return account.value();
    }

    public String interfaceId() {
        return interfaceId.value();
    }

    public long time() {
        return time;
    }

    /** Event-time hour since the epoch. */
    public int hour() {
        return (int) Math.floorDiv(time, HOUR_MS);
    }

    /** A record with addresses and not NODATA/SKIPDATA: only such records feed the baseline. */
    public boolean traffic() {
        return traffic;
    }

    public long localHi() {
        return localHi;
    }

    public long localLo() {
        return localLo;
    }

    public long peerHi() {
        return peerHi;
    }

    public long peerLo() {
        return peerLo;
    }

    public String peerText() {
        return (outbound ? dstaddr : srcaddr).value();
    }

    public String localText() {
        return (outbound ? srcaddr : dstaddr).value();
    }

    public boolean peerPublic() {
        return !peerInternal;
    }

    public boolean peerV6() {
        return !Addresses.isV4(peerHi, peerLo);
    }

    /** The entity sent these bytes (it is the record's source). */
    public boolean outbound() {
        return outbound;
    }

    public int protocol() {
        return protocol;
    }

    public int servicePort() {
        return servicePort;
    }

    /** The entity started the conversation (the peer is the server). */
    public boolean client() {
        return client;
    }

    public int service() {
        return Service.of(servicePort, protocol, client);
    }

    public long bytes() {
        return bytes;
    }

    public long packets() {
        return packets;
    }

    public boolean rejected() {
        return rejected;
    }

    /** Looks like reconnaissance: refused, or a TCP flow of at most two packets (a SYN, a reset). */
    public boolean probe() {
        return rejected || protocol == 6 && packets <= 2;
    }

    public String action() {
        return action.value();
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }
}
