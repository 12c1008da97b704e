package io.vigil.collectors.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.collectors.source.Samples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {
    @Test
    void anS3EventNotificationNamesTheObjectWithItsKeyDecoded() {
        Notification n = Notification.parse(Samples.s3Created("logs", "AWSLogs/1/CloudTrail/us-east-1/2026/11/01/a+b%3Dc.json.gz", 120, "abc123"));
        assertThat(n.isInput()).isFalse();
        assertThat(n.objects()).containsExactly(new Notification.CreatedObject("logs", "AWSLogs/1/CloudTrail/us-east-1/2026/11/01/a b=c.json.gz", 120, "abc123"));
    }

    @Test
    void throughSnsTheSameObjectIsFound() {
        String sns = "{\"Type\":\"Notification\",\"Message\":" + Samples.quote(Samples.s3Created("logs", "k.log.gz", 5, "e1")) + "}";
        assertThat(Notification.parse(sns).objects()).extracting(Notification.CreatedObject::key).containsExactly("k.log.gz");
    }

    @Test
    void throughEventBridgeOnlyCreatedObjectsAreRead() {
        String created = "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":\"logs\"},"
                + "\"object\":{\"key\":\"a b.log.gz\",\"size\":9,\"etag\":\"e2\"}}}";
        assertThat(Notification.parse(created).objects()).containsExactly(new Notification.CreatedObject("logs", "a b.log.gz", 9, "e2"));
        String deleted = created.replace("Object Created", "Object Deleted");
        assertThat(Notification.parse(deleted).objects()).isEmpty();
        assertThat(Notification.parse(deleted).isInput()).isFalse();
    }

    @Test
    void removalsAndTestEventsAreNotInputs() {
        assertThat(Notification.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"logs\"}").isInput()).isFalse();
        String removed = Samples.s3Created("logs", "k", 1, "e").replace("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertThat(Notification.parse(removed).isInput()).isFalse();
        assertThat(Notification.parse(removed).objects()).isEmpty();
    }

    @Test
    void aConfigNotificationThroughSnsOrAnythingElseIsReadAsItself() {
        assertThat(Notification.parse(Samples.snsConfigNotification(Instant.parse("2026-11-01T00:00:00Z"))).isInput()).isTrue();
        assertThat(Notification.parse("not json at all").isInput()).isTrue();
        assertThat(Notification.parse("[1,2]").isInput()).isTrue();
    }
}
