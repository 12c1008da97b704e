package io.vigil.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HllTest {

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1_000, 50_000})
    void estimatesWithinItsErrorAndSurvivesStorage(int distinct) {
        Hll hll = new Hll();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < distinct; i++) {
                hll.add(Hll.mix(i));
            }
        }
        // 6.5% standard error: four sigmas keep the test deterministic in practice (fixed inputs anyway).
        assertThat((double) hll.estimate()).isCloseTo(distinct, within(Math.max(2, distinct * 0.26)));
        ByteBuffer buffer = ByteBuffer.allocate(600);
        hll.writeTo(buffer);
        Hll copy = new Hll();
        copy.readFrom(buffer.flip());
        assertThat(copy.estimate()).isEqualTo(hll.estimate());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5000})
    void aRepeatChangesNothing(int distinct) {
        Hll hll = new Hll();
        for (int i = 0; i < distinct; i++) {
            hll.add(Hll.mix(i));
        }
        assertThat(hll.add(Hll.mix(1))).isFalse();
    }
}
