package io.vigil.collectors.format;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads an object an input refers to, e.g. the full configuration item of an AWS Config oversized
 * change notification, which Config writes to S3 and only names in the notification.
 */
@FunctionalInterface
public interface ObjectFetcher {
    /** The object's bytes (plain or gzip). */
    byte[] fetch(String bucket, String key) throws IOException;

    /** No object store configured: references are recorded, not followed. */
    static Optional<ObjectFetcher> none() {
        return Optional.empty();
    }
}
