package io.vigil.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnownServicesTest {

    @Test
    void keepsWhatIsStillUsedAndEvictsTheStalest() {
        KnownServices t = new KnownServices(3);
        t.record(1, Service.of(22, 6, true), 10);
        t.record(2, Service.of(443, 6, true), 11);
        t.record(3, Service.of(5432, 6, true), 12);
        assertThat(t.record(1, Service.of(22, 6, true), 20)).as("last seen is kept to the day").isFalse();
        assertThat(t.record(1, Service.of(22, 6, true), 40)).isTrue();
        t.record(4, Service.of(53, 17, true), 41);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.indexOf(2, Service.of(443, 6, true))).isNegative();
        assertThat(t.indexOf(1, Service.of(22, 6, true))).isNotNegative();
        assertThat(t.lastSeen(t.indexOf(1, Service.of(22, 6, true)))).isEqualTo(40);
    }

    /** Against a plain map with the same eviction rule, through thousands of inserts, evictions and restores. */
    @Test
    void agreesWithAReferenceModel() {
        KnownServices t = new KnownServices(32);
        Map<Long, int[]> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int hour = 0; hour < 20_000; hour++) {
            long bucket = random.nextInt(60);
            int service = Service.of(random.nextInt(4), 6, random.nextBoolean());
            t.record(bucket, service, hour);
            long key = bucket << 32 | service;
            if (model.containsKey(key)) {
                int[] seen = model.get(key);
                seen[1] = hour >= seen[1] + 24 ? hour : seen[1];
            } else {
                if (model.size() == 32) {
                    model.remove(stalest(model));
                }
                model.put(key, new int[] {hour, hour});
            }
            if (hour % 3989 == 0) {
                t = roundTrip(t);
            }
        }
        KnownServices last = t;
        assertThat(last.size()).isEqualTo(model.size());
        model.forEach((key, seen) -> {
            int at = last.indexOf(key >>> 32, (int) (long) key);
            assertThat(at).isNotNegative();
            assertThat(last.firstSeen(at)).isEqualTo(seen[0]);
            assertThat(last.lastSeen(at)).isEqualTo(seen[1]);
        });
    }

    private static long stalest(Map<Long, int[]> model) {
        return model.entrySet().stream().min((a, b) -> Integer.compare(a.getValue()[1], b.getValue()[1])).orElseThrow().getKey();
    }

    private static KnownServices roundTrip(KnownServices t) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        t.writeTo(buffer);
        KnownServices copy = new KnownServices(t.capacity());
        copy.readFrom(buffer.flip());
        return copy;
    }
}
