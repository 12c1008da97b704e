package io.vigil.streams.api;

import io.vigil.schemas.topics.TextTopic;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the catalogue's topics on a test broker, as {@code vigil streams} does at start-up. */
final class TestTopics {
    private TestTopics() {}

    static void createAll(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec<?> t : Topics.all()) {
                topics.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(Map.of("cleanup.policy", t.cleanup().kafkaValue())));
            }
            List<TextTopic> text = new ArrayList<>(Topics.FINDINGS_MIRRORS);
            text.add(Topics.RULES);
            text.add(Topics.BASELINE_SNAPSHOTS);
            for (TextTopic t : text) {
                topics.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(Map.of("cleanup.policy", t.cleanup().kafkaValue())));
            }
            admin.createTopics(topics).all().get();
        }
    }
}
