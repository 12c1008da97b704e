package io.vigil.responders.aws.ebs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.Outcome;
import io.vigil.responders.aws.Estate;
import io.vigil.schemas.ActionStatus;
import io.vigil.testing.moto.MotoExtension;
import io.vigil.testing.moto.MotoServer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ebs.EbsClient;
import software.amazon.awssdk.services.ebs.model.Tag;

/**
 * Snapshots compared through the EBS direct APIs (SDK ebs 2.40.2 on the 2.57.8 core) against moto_server, which
 * only serves snapshots written through those APIs, so the test writes them so: two web servers, each with a
 * baseline and an incident snapshot; both got the same patch in block 1, one also has block 3 changed. The report
 * says which instance changed where, and which change is one instance's alone; a dry run names the pairs only.
 */
@ExtendWith(MotoExtension.class)
public class EbsSnapshotComparisonMotoTest {
    static final int BLOCK = 512 * 1024;

    @Test
    void eachInstanceIsComparedWithItsBaselineAndItsPeers(MotoServer moto) throws Exception {
        try (Estate estate = new Estate(moto.endpoint())) {
            ActionContext ctx = Estate.context("f-compare");
            write(estate.aws.ebs(), "vol-web1", null, null, Map.of());
            write(estate.aws.ebs(), "vol-web2", null, null, Map.of());
            write(estate.aws.ebs(), "vol-web1", "f-compare", "i-web1", Map.of(1, (byte) 'P', 3, (byte) 'X'));
            write(estate.aws.ebs(), "vol-web2", "f-compare", "i-web2", Map.of(1, (byte) 'P'));

            Outcome planned = new EbsSnapshotComparison(estate.aws.ec2(), estate.aws.ebs(), false).compare("i-web1", ctx);
            assertThat(planned.status()).isEqualTo(ActionStatus.PLANNED);
            assertThat(planned.plan()).contains("ebs:ListChangedBlocks snap-", "(i-web1 vol-web1)", "(i-web2 vol-web2)");

            Outcome done = new EbsSnapshotComparison(estate.aws.ec2(), estate.aws.ebs(), true).compare("i-web1", ctx);
            assertThat(done.status()).isEqualTo(ActionStatus.EXECUTED);
            assertThat(done.details().get("compare.i-web1.vol-web1")).contains("2 block(s) changed (1, 3); unlike every peer: 3");
            assertThat(done.details().get("compare.i-web2.vol-web2")).contains("1 block(s) changed (1); unlike every peer: none");
            assertThat(done.plan()).contains("i-web1 vol-web1: 2 block(s) changed since snap-", "1 unlike every peer");
        }
    }

    /** A 1 GiB snapshot of four written blocks ('A' everywhere, or the given bytes), tagged as Vigil would tag it. */
    public static String write(EbsClient ebs, String volume, String finding, String instance, Map<Integer, Byte> changed) throws Exception {
        List<Tag> tags = new java.util.ArrayList<>(List.of(Tag.builder().key(EbsSnapshotComparison.SOURCE_VOLUME).value(volume).build()));
        if (finding != null) {
            tags.add(Tag.builder().key("vigil:finding").value(finding).build());
            tags.add(Tag.builder().key("vigil:instance").value(instance).build());
        }
        String id = ebs.startSnapshot(r -> r.volumeSize(1L).tags(tags)).snapshotId();
        for (int i = 0; i < 4; i++) {
            byte[] data = new byte[BLOCK];
            java.util.Arrays.fill(data, changed.getOrDefault(i, (byte) 'A'));
            String sum = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
            int index = i;
            ebs.putSnapshotBlock(r -> r.snapshotId(id).blockIndex(index).dataLength(BLOCK).checksum(sum).checksumAlgorithm("SHA256"),
                    RequestBody.fromBytes(data));
        }
        ebs.completeSnapshot(r -> r.snapshotId(id).changedBlocksCount(4));
        return id;
    }
}
