package io.vigil.responders.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.CustodyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustodyChainTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anIntactChainVerifiesAndEveryKindOfTamperingIsFound() {
        List<CustodyRecord> chain = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chain.add(CustodyChain.append(chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1)), "case-1", T.plusSeconds(i),
                    "vigil-respond", "volume.snapshot EXECUTED", "response.actions k" + i + "/EXECUTED", Map.of("snapshot.vol-" + i, "snap-" + i)));
        }
        assertThat(chain.get(0).getPrevHash()).isEqualTo(CustodyChain.GENESIS);
        assertThat(chain.get(2).getPrevHash()).isEqualTo(chain.get(1).getHash());
        assertThat(CustodyChain.verify(chain)).isEmpty();

        List<CustodyRecord> altered = copy(chain);
        altered.get(1).setEvidence(Map.of("snapshot.vol-1", "snap-forged"));
        assertThat(CustodyChain.verify(altered)).contains("record 1 was altered (its hash does not match its contents)");

        List<CustodyRecord> removed = copy(chain);
        removed.remove(2);
        assertThat(CustodyChain.verify(removed)).contains("record 2 has sequence 3: a record is missing or out of order");

        List<CustodyRecord> rehashed = copy(chain);
        rehashed.get(1).setActor("mallory");
        rehashed.get(1).setHash(CustodyChain.hash(rehashed.get(1)));
        assertThat(CustodyChain.verify(rehashed)).as("re-hashing one record does not help: the next one points at the old hash")
                .contains("record 2 does not follow record 1 (prev_hash differs)");
    }

    private static List<CustodyRecord> copy(List<CustodyRecord> chain) {
        return new ArrayList<>(chain.stream().map(r -> CustodyRecord.newBuilder(r).build()).toList());
    }
}
