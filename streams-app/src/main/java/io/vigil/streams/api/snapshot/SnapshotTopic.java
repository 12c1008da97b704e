package io.vigil.streams.api.snapshot;

import io.vigil.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the snapshot topic, compacted, if it is missing. Why here as well as at service start-up: the
 * topic's name is configurable, and a broker auto-creating it on the first send would make it a
 * delete-policy topic that loses old entities' snapshots.
 */
final class SnapshotTopic {
    private SnapshotTopic() {}

    static void ensure(Map<String, Object> clientProps, String topic) {
        try (Admin admin = Admin.create(clientProps)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(Topics.BASELINE_SNAPSHOTS.partitions()), Optional.empty())
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            // Exists already, or the operator creates topics (ACLs): either way, nothing to do here.
            if (!(e.getCause() instanceof TopicExistsException) && !(e.getCause() instanceof TopicAuthorizationException)) {
                throw new IllegalStateException("cannot create the snapshot topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the snapshot topic", e);
        }
    }
}
