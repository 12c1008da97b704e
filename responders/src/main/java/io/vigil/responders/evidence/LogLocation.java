package io.vigil.responders.evidence;

import java.net.URI;

/**
 * Where the logs a legal hold preserves are: an S3 bucket (created with Object Lock) and a key prefix, written
 * {@code s3://bucket/prefix}.
 */
public record LogLocation(String bucket, String prefix) {

    /** @throws IllegalArgumentException naming the expected form */
    public static LogLocation parse(String uri) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            u = null;
        }
        if (u == null || !"s3".equals(u.getScheme()) || u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + uri + "': expected s3://BUCKET/PREFIX, e.g. s3://org-trail-logs/AWSLogs/");
        }
        String path = u.getPath() == null ? "" : u.getPath();
        return new LogLocation(u.getHost(), path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
