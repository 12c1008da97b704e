package io.vigil.responders.aws.ebs;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.AwsErrors;
import io.vigil.responders.evidence.SnapshotComparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ebs.EbsClient;
import software.amazon.awssdk.services.ebs.model.Block;
import software.amazon.awssdk.services.ebs.model.ChangedBlock;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Compares a finding's incident snapshots through the EBS direct APIs. The incident snapshots are those tagged
 * {@code vigil:finding} (by {@code volume.snapshot}); each one's baseline is the latest completed snapshot of
 * the same volume started before it and taken by no finding (the volume is the snapshot's {@code volume-id}, or
 * its {@code vigil:source-volume} tag for snapshots written through the EBS direct APIs, which name no volume).
 * {@code ListChangedBlocks} gives the blocks that changed since the baseline; for at most {@link #PEER_BLOCKS} of
 * them, {@code GetSnapshotBlock} checksums say whether each peer (the finding's other incident snapshots) holds the
 * same data there: a change no peer shares is this instance's alone. Planned (dry run), it names the pairs it
 * would compare and reads no block.
 *
 * <p>Why: with hundreds of disks preserved, analysts need to know which instances changed where before opening
 * any: AWS Security Incident Response Guide, "Analyze" (EBS direct APIs for changed blocks); ATT&CK T1105, T1543
 * (what an intruder writes to disk).
 */
public final class EbsSnapshotComparison implements SnapshotComparison {
    static final String SOURCE_VOLUME = "vigil:source-volume";
    /** Changed blocks compared with the peers, per snapshot: each costs one 512 KiB read per peer. */
    static final int PEER_BLOCKS = 64;

    private final Ec2Client ec2;
    private final EbsClient ebs;
    private final boolean execute;

    public EbsSnapshotComparison(Ec2Client ec2, EbsClient ebs, boolean execute) {
        this.ec2 = ec2;
        this.ebs = ebs;
        this.execute = execute;
    }

    private record Pair(String instance, String volume, Snapshot incident, Optional<Snapshot> baseline) {}

    @Override
    public Outcome compare(String instanceId, ActionContext ctx) {
        List<Pair> pairs;
        try {
            pairs = pairs(ctx.findingId());
        } catch (SdkException e) {
            throw AwsErrors.classify("finding the snapshots of " + ctx.findingId(), e);
        }
        if (pairs.isEmpty()) {
            return Outcome.skipped("no completed snapshot is tagged vigil:finding=" + ctx.findingId() + " (a volume.snapshot step makes them)", Map.of());
        }
        Map<String, String> details = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        if (!execute) {
            pairs.forEach(p -> lines.add("ebs:ListChangedBlocks " + p.baseline().map(Snapshot::snapshotId).orElse("(no baseline)") + " -> "
                    + p.incident().snapshotId() + " (" + p.instance() + " " + p.volume() + ")"));
            return Outcome.planned(String.join("; ", lines) + (pairs.size() > 1 ? "; ebs:GetSnapshotBlock checksums of the changed blocks across the "
                    + pairs.size() + " snapshots" : ""), details);
        }
        try {
            Map<String, SortedSet<Integer>> changed = new LinkedHashMap<>();
            for (Pair p : pairs) {
                if (p.baseline().isPresent()) {
                    changed.put(p.incident().snapshotId(), changedBlocks(p.baseline().get().snapshotId(), p.incident().snapshotId()));
                }
            }
            for (Pair p : pairs) {
                String key = "compare." + p.instance() + "." + p.volume();
                if (p.baseline().isEmpty()) {
                    details.put(key, p.incident().snapshotId() + ": no earlier snapshot of " + p.volume() + " to compare with");
                    lines.add(p.instance() + " " + p.volume() + ": no baseline snapshot");
                    continue;
                }
                SortedSet<Integer> blocks = changed.get(p.incident().snapshotId());
                List<Pair> peers = pairs.stream().filter(o -> o != p).toList();
                SortedSet<Integer> own = peers.isEmpty() ? blocks : unshared(p, blocks, peers);
                details.put(key, p.baseline().get().snapshotId() + " -> " + p.incident().snapshotId() + ": " + blocks.size() + " block(s) changed ("
                        + BlockRanges.of(blocks) + ")" + (peers.isEmpty() ? "" : "; unlike every peer: " + BlockRanges.of(own)
                        + (blocks.size() > PEER_BLOCKS ? " (first " + PEER_BLOCKS + " changed blocks compared)" : "")));
                lines.add(p.instance() + " " + p.volume() + ": " + blocks.size() + " block(s) changed since " + p.baseline().get().snapshotId()
                        + (peers.isEmpty() ? "" : ", " + own.size() + " unlike every peer"));
            }
        } catch (SdkException e) {
            throw AwsErrors.classify("comparing the snapshots of " + ctx.findingId(), e);
        }
        return Outcome.executed(String.join("; ", lines), details);
    }

    private List<Pair> pairs(String findingId) {
        List<Pair> out = new ArrayList<>();
        List<Snapshot> incidents = ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(
                Filter.builder().name("tag:vigil:finding").values(findingId).build())).snapshots().stream()
                .filter(s -> s.state() == SnapshotState.COMPLETED).sorted(Comparator.comparing(Snapshot::snapshotId)).toList();
        for (Snapshot s : incidents) {
            String volume = tag(s, SOURCE_VOLUME).orElse(s.volumeId());
            Filter byVolume = tag(s, SOURCE_VOLUME).isPresent() ? Filter.builder().name("tag:" + SOURCE_VOLUME).values(volume).build()
                    : Filter.builder().name("volume-id").values(volume).build();
            Instant started = s.startTime();
            Optional<Snapshot> baseline = ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(byVolume)).snapshots().stream()
                    .filter(b -> b.state() == SnapshotState.COMPLETED && tag(b, "vigil:finding").isEmpty() && !b.snapshotId().equals(s.snapshotId()))
                    .filter(b -> started == null || b.startTime() == null || !b.startTime().isAfter(started))
                    .max(Comparator.comparing(Snapshot::startTime, Comparator.nullsFirst(Comparator.naturalOrder())));
            out.add(new Pair(tag(s, "vigil:instance").orElse("(unknown instance)"), volume, s, baseline));
        }
        return out;
    }

    private SortedSet<Integer> changedBlocks(String first, String second) {
        SortedSet<Integer> out = new TreeSet<>();
        String token = null;
        do {
            String next = token;
            var page = ebs.listChangedBlocks(r -> r.firstSnapshotId(first).secondSnapshotId(second).nextToken(next));
            page.changedBlocks().stream().map(ChangedBlock::blockIndex).forEach(out::add);
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    /** The changed blocks whose data no peer holds at the same index (checksums compared), among the first {@link #PEER_BLOCKS}. */
    private SortedSet<Integer> unshared(Pair p, SortedSet<Integer> blocks, List<Pair> peers) {
        Map<Integer, String> mine = tokens(p.incident().snapshotId());
        List<Map<Integer, String>> theirs = peers.stream().map(o -> tokens(o.incident().snapshotId())).toList();
        SortedSet<Integer> own = new TreeSet<>();
        blocks.stream().limit(PEER_BLOCKS).forEach(b -> {
            Optional<String> sum = Optional.ofNullable(mine.get(b)).map(t -> checksum(p.incident().snapshotId(), b, t));
            boolean shared = false;
            for (int i = 0; i < peers.size() && !shared; i++) {
                String peerToken = theirs.get(i).get(b);
                shared = peerToken != null && sum.equals(Optional.of(checksum(peers.get(i).incident().snapshotId(), b, peerToken)));
            }
            if (!shared) {
                own.add(b);
            }
        });
        return own;
    }

    private Map<Integer, String> tokens(String snapshot) {
        Map<Integer, String> out = new HashMap<>();
        String token = null;
        do {
            String next = token;
            var page = ebs.listSnapshotBlocks(r -> r.snapshotId(snapshot).nextToken(next));
            page.blocks().forEach((Block b) -> out.put(b.blockIndex(), b.blockToken()));
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private String checksum(String snapshot, int block, String token) {
        try (var in = ebs.getSnapshotBlock(r -> r.snapshotId(snapshot).blockIndex(block).blockToken(token))) {
            return in.response().checksum();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading block " + block + " of " + snapshot + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> tag(Snapshot s, String key) {
        return s.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst();
    }
}
