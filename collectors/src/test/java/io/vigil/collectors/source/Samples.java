package io.vigil.collectors.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/** Small inputs written here (never copied from elsewhere): flow log lines, CloudTrail files, a Config notification. */
public final class Samples {
    private Samples() {}

    public static String flowLine(int i, Instant start) {
        long s = start.getEpochSecond() + i;
        return "2 111122223333 eni-0123456789abcdef" + (i % 3) + " 10.0.0." + (i % 200 + 1) + " 10.0.1.5 " + (40000 + i) + " 22 6 3 180 "
                + s + " " + (s + 60) + " ACCEPT OK";
    }

    /** A VPC flow log file as AWS delivers it to S3: a header line, then {@code lines} records. */
    public static byte[] flowLogGzip(int lines, Instant start) {
        StringBuilder b = new StringBuilder("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n");
        for (int i = 0; i < lines; i++) {
            b.append(flowLine(i, start)).append('\n');
        }
        return gzip(b.toString());
    }

    public static String cloudTrailEvent(int i, Instant time) {
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
                + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"alice\"},\"eventTime\":\"" + time.plusSeconds(i) + "\","
                + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":{},\"responseElements\":null,\"requestID\":\"req-" + i + "\",\"eventID\":\"evt-" + i + "\","
                + "\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111122223333\"}";
    }

    /** A CloudTrail delivery file: {@code {"Records":[…]}}, gzip. */
    public static byte[] cloudTrailGzip(int events, Instant time) {
        StringBuilder b = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < events; i++) {
            b.append(i == 0 ? "" : ",").append(cloudTrailEvent(i, time));
        }
        return gzip(b.append("]}").toString());
    }

    /** A ConfigurationItemChangeNotification as AWS Config publishes it to SNS, inside the SNS envelope SQS receives. */
    public static String snsConfigNotification(Instant time) {
        String message = "{\"configurationItemDiff\":{\"changedProperties\":{},\"changeType\":\"CREATE\"},"
                + "\"configurationItem\":{\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"" + time + "\","
                + "\"configurationStateId\":1,\"awsAccountId\":\"111122223333\",\"configurationItemStatus\":\"ResourceDiscovered\","
                + "\"resourceType\":\"AWS::EC2::SecurityGroup\",\"resourceId\":\"sg-0123456789abcdef0\",\"resourceName\":\"web\","
                + "\"ARN\":\"arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0\",\"awsRegion\":\"us-east-1\","
                + "\"configuration\":{\"groupId\":\"sg-0123456789abcdef0\",\"ipPermissions\":[]},\"tags\":{}},"
                + "\"notificationCreationTime\":\"" + time + "\",\"messageType\":\"ConfigurationItemChangeNotification\",\"recordVersion\":\"1.3\"}";
        return "{\"Type\":\"Notification\",\"MessageId\":\"5b3f0a1e-0000-4000-8000-000000000001\","
                + "\"TopicArn\":\"arn:aws:sns:us-east-1:111122223333:config-topic\",\"Subject\":\"[AWS Config:us-east-1] AWS::EC2::SecurityGroup sg-0123456789abcdef0 Created\","
                + "\"Message\":" + quote(message) + ",\"Timestamp\":\"" + time + "\",\"SignatureVersion\":\"1\"}";
    }

    /** An S3 event notification for one created object; the key is URL-encoded as S3 does. */
    public static String s3Created(String bucket, String encodedKey, long size, String etag) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\",\"eventTime\":\"2026-11-01T00:00:00.000Z\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + encodedKey + "\",\"size\":" + size + ",\"eTag\":\"" + etag + "\",\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
