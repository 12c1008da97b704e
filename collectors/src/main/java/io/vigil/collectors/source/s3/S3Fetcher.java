package io.vigil.collectors.source.s3;

import io.vigil.collectors.format.ObjectFetcher;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** Reads objects an input refers to from S3, refusing any larger than a bound (the reference comes from the input). */
public final class S3Fetcher implements ObjectFetcher {
    /** Oversized Config items are over 256 KB by definition, and far below this. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private final S3Client s3;

    public S3Fetcher(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public byte[] fetch(String bucket, String key) throws IOException {
        try (InputStream in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("s3://" + bucket + "/" + key + " is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
