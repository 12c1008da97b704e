package io.vigil.streams.baseline;

/**
 * What one entity's network flows normally look like, in bounded memory: first and last seen, record
 * counts, the learning state, distinct peers and service ports (HyperLogLog), the (peer bucket, service)
 * pairs it uses and the services themselves (bounded tables), its bytes to public addresses per hour of
 * the week (robust statistics over the last weeks), recent probe-like flows, recent
 * conversations per peer and service (all flows, for the rate detectors), and recent alerts.
 *
 * <p>Stored in parts that change at different rates (see {@link FlowProfileCodec}): the hot part on
 * every record, the peers when something new is contacted, one hourly slot once an hour; the dirty bits
 * (and the volume's dirty slots) say which must be written at the next commit.
 */
public final class FlowProfile {
    static final int DIRTY_PROFILE = 1;
    static final int DIRTY_PEERS = 2;
    private static final int KNOWN_SERVICE_KINDS = 64;
    /** Internal hosts an entity has opened connections to, by /24 or /64, kept for {@code flow.new_peer}; the stalest makes room. */
    static final int KNOWN_INTERNAL_PEERS = 128;
    /** The bucket under which {@link #services()} keeps the services themselves. */
    private static final long ANY_PEER = 0;

    final String entity;
    String entityType;
    String account;
    String interfaceId;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    long records;
    long rejectedRecords;
    long learnedAt = -1;
    final Hll peers = new Hll();
    final Hll servicePorts = new Hll();
    final KnownServices peerServices;
    final KnownServices services = new KnownServices(KNOWN_SERVICE_KINDS);
    final HourlyVolume volume = new HourlyVolume();
    final ProbeWindows probes = new ProbeWindows();
    final ConnectionWindows connections = new ConnectionWindows();
    final AlertMemo alerts = new AlertMemo();
    final KnownServices internalPeers = new KnownServices(KNOWN_INTERNAL_PEERS);
    final ActiveHours activity = new ActiveHours();
    int newPeerHour = -1;
    int newPeers;
    int newPeersReported;
    /** Whether the current record opened a connection to an internal host this entity never opened one to (not stored). */
    boolean newInternalPeer;
    int dirty;
    boolean queued;

    public FlowProfile(String entity, int knownPeerServices) {
        this.entity = entity;
        this.peerServices = new KnownServices(knownPeerServices);
    }

    /**
     * Folds one record into the profile. Records without traffic (NODATA, SKIPDATA, no addresses) only
     * move last-seen; refused flows count, but teach nothing about what the entity talks to.
     */
    public void observe(FlowFacts f, ProfileSettings settings) {
        dirty |= DIRTY_PROFILE;
        newInternalPeer = false;
        if (entityType == null || account == null && f.account() != null) {
            entityType = f.entityType();
            account = f.account();
            interfaceId = f.interfaceId();
        }
        firstSeen = Math.min(firstSeen, f.time());
        lastSeen = Math.max(lastSeen, f.time());
        if (!f.traffic()) {
            return;
        }
        records++;
        activity.observe(f.hour(), ActiveHours.counts(f));
        if (f.hour() > volume.currentHour()) {
            probes.prune(f.time() - settings.probeWindowMillis());
            connections.prune(f.time() - settings.rateWindowMillis());
        }
        connections.observe(f, settings.rateWindowMillis(), this);
        if (f.probe()) {
            probes.observe(f, settings.probeWindowMillis(), knowsService(f.service()));
        } else {
            probes.clearLast();
        }
        if (f.rejected()) {
            rejectedRecords++;
        } else {
            learnPeer(f);
        }
        long publicBytes = f.outbound() && f.peerPublic() && !f.rejected() ? f.bytes() : 0;
        volume.observe(f.hour(), publicBytes, f.peerHi(), f.peerLo(), peerService(f));
        if (learnedAt < 0 && (lastSeen - firstSeen >= settings.learningMillis() || records >= settings.learningRecords())) {
            learnedAt = f.time();
        }
    }

    private void learnPeer(FlowFacts f) {
        int hour = f.hour();
        int service = peerService(f);
        boolean changed = peerServices.record(peerBucket(f), service, hour);
        if (f.client() && !f.peerPublic()) {
            long bucket = Addresses.bucket(f.peerHi(), f.peerLo());
            int host = hostKey(f);
            newInternalPeer = internalPeers.indexOf(bucket, host) < 0;
            changed |= internalPeers.record(bucket, host, hour);
        }
        changed |= services.record(ANY_PEER, Service.kind(service), hour);
        changed |= peers.add(Hll.mix(f.peerHi() * 0x9E3779B97F4A7C15L + f.peerLo()));
        changed |= servicePorts.add(Hll.mix(Service.kind(service)));
        if (changed) {
            dirty |= DIRTY_PEERS;
        }
    }

    /**
     * The peer bucket of a record: the peer's /24 or /64, except that every public client of a service
     * the entity serves is one peer, "the internet" — a web server's visitors are not new peers each.
     */
    public static long peerBucket(FlowFacts f) {
        return !f.client() && f.peerPublic() ? 0 : Addresses.bucket(f.peerHi(), f.peerLo());
    }

    /** The record's service with the flags saying what its peer bucket is. */
    public static int peerService(FlowFacts f) {
        int flags = !f.client() && f.peerPublic() ? Service.INTERNET : f.peerV6() ? Service.V6 : 0;
        return f.service() | flags;
    }

    /** One internal host within its /24 or /64 bucket, as the key of {@link #internalPeers}: a 31-bit hash of its address. */
    static int hostKey(FlowFacts f) {
        return (int) Hll.mix(f.peerHi() * 0x9E3779B97F4A7C15L ^ Hll.mix(f.peerLo())) & 0x7FFF_FFFF;
    }

    /**
     * Counts one new internal peer in the event-time hour of {@code f} and returns how many the hour has
     * had; {@link #newPeersReported} says how many the last finding of that hour reported.
     */
    public int countNewPeer(int hour) {
        if (hour != newPeerHour) {
            newPeerHour = hour;
            newPeers = 0;
            newPeersReported = 0;
        }
        return ++newPeers;
    }

    public int newPeersReported() {
        return newPeersReported;
    }

    public void reportedNewPeers(int count) {
        newPeersReported = count;
    }

    /** Whether the record just observed opened a connection to an internal host this entity never opened one to. */
    public boolean newInternalPeer() {
        return newInternalPeer;
    }

    public boolean knowsInternalPeer(FlowFacts f) {
        return internalPeers.indexOf(Addresses.bucket(f.peerHi(), f.peerLo()), hostKey(f)) >= 0;
    }

    /** Internal hosts this entity has connected to in the record's peer /24 or /64 (the record's own host included once learned). */
    public int knownHostsInPeerBucket(FlowFacts f) {
        return internalPeers.entriesIn(Addresses.bucket(f.peerHi(), f.peerLo()));
    }

    public KnownServices internalPeers() {
        return internalPeers;
    }

    public ActiveHours activity() {
        return activity;
    }

    /**
     * Whether the record's (peer bucket, service) was an established relation before it: false for
     * clients from the internet (one bucket for all of them, so it says nothing about this source).
     */
    boolean establishedPeer(FlowFacts f) {
        int service = peerService(f);
        return (service & Service.INTERNET) == 0 && peerServices.indexOf(peerBucket(f), service) >= 0;
    }

    /** Has the entity been watched long enough to be judged? Decided on an earlier record, never the current one. */
    public boolean learned() {
        return learnedAt >= 0;
    }

    public boolean knowsPeerService(long bucket, int service) {
        return peerServices.indexOf(bucket, service) >= 0;
    }

    public boolean knowsService(int service) {
        return services.indexOf(ANY_PEER, Service.kind(service)) >= 0;
    }

    public String entity() {
        return entity;
    }

    public String entityType() {
        return entityType;
    }

    public String account() {
        return account;
    }

    public String interfaceId() {
        return interfaceId;
    }

    public long firstSeen() {
        return firstSeen;
    }

    public long lastSeen() {
        return lastSeen;
    }

    public long records() {
        return records;
    }

    public long rejectedRecords() {
        return rejectedRecords;
    }

    public long learnedAt() {
        return learnedAt;
    }

    public long distinctPeers() {
        return peers.estimate();
    }

    public long distinctServicePorts() {
        return servicePorts.estimate();
    }

    public KnownServices peerServices() {
        return peerServices;
    }

    public KnownServices services() {
        return services;
    }

    public HourlyVolume volume() {
        return volume;
    }

    public ProbeWindows probes() {
        return probes;
    }

    /** Recent conversations per (peer, service), for the rate detectors. */
    public ConnectionWindows connections() {
        return connections;
    }

    public AlertMemo alerts() {
        return alerts;
    }
}
