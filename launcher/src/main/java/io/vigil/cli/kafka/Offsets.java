package io.vigil.cli.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** End offsets of topics and the committed progress of a consumer group: how a batch run knows it is done. */
public final class Offsets {
    private Offsets() {}

    public static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, d) ->
                    d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> out = new HashMap<>();
            for (var e : admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get().entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo info = e.getValue();
                out.put(e.getKey(), info.offset());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets of " + topics + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * End offsets of those of {@code topics} that exist: a streams app's repartition topics
     * ({@code <application.id>-<name>}) appear only once it has started, and are empty until then.
     */
    public static Map<TopicPartition, Long> endsOfExisting(Admin admin, List<String> topics) {
        try {
            java.util.Set<String> existing = admin.listTopics().names().get();
            List<String> present = topics.stream().filter(existing::contains).toList();
            return present.isEmpty() ? Map.of() : ends(admin, present);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The broker names of a streams app's repartition topics, as its topology names them. */
    public static List<String> internal(String applicationId, java.util.Collection<String> names) {
        return names.stream().map(n -> applicationId + "-" + n).toList();
    }

    /**
     * True when the group has consumed its inputs to {@code inputEnds} and then its repartition topics to their ends
     * as they are now: those fill while the inputs are read (in the same transaction), so their ends are read after.
     */
    public static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> inputEnds, List<String> repartitionTopics) {
        return caughtUp(admin, group, inputEnds) && caughtUp(admin, group, endsOfExisting(admin, repartitionTopics));
    }

    /** True when the group has committed at least {@code targets} on every partition with data. */
    public static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> targets) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (var t : targets.entrySet()) {
                if (t.getValue() == 0) {
                    continue;
                }
                OffsetAndMetadata c = committed.get(t.getKey());
                if (c == null || c.offset() < t.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Polls a condition until it holds; fails with {@code what} after the timeout or as soon as {@code failed} holds. */
    public static void await(String what, Duration timeout, BooleanSupplier done, BooleanSupplier failed) {
        Instant deadline = Instant.now().plus(timeout);
        long pause = 50;
        while (!done.getAsBoolean()) {
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(what + ": the component failed (see the log above)");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": not done after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(pause); // polling a remote condition; back off up to 500 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting: " + what, e);
            }
            pause = Math.min(500, pause * 2);
        }
    }
}
