package io.vigil.collectors.source.s3;

import io.vigil.collectors.input.Input;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** An S3 object as an {@link Input}: read with GetObject, named {@code s3://bucket/key}. */
public record S3Object(S3Client s3, String bucket, String key, long size) implements Input {
    @Override
    public String name() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public InputStream open() {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
    }
}
