package io.vigil.reports.schedule;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Scheduled reports in S3: {@code s3://bucket/prefix/<period>/report.html} and the rest, each with its
 * content type, server-side encrypted (SSE-S3). The client comes from the caller (region, credentials,
 * endpoint). Needs {@code s3:PutObject} and {@code s3:GetObject} (HeadObject) on the prefix.
 */
public final class S3Sink implements ReportSink {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Sink(S3Client s3, String location) {
        URI uri = URI.create(location);
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--out '" + location + "': expected s3://bucket/prefix or a folder");
        }
        this.s3 = s3;
        this.bucket = uri.getHost();
        String p = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        this.prefix = p.isEmpty() ? "" : p + "/";
    }

    @Override
    public boolean has(String period) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(prefix + period + "/report.html"));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> put(String period, List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path f : files.stream().sorted((a, b) -> Boolean.compare(a.endsWith("report.html"), b.endsWith("report.html"))).toList()) {
            String name = f.getFileName().toString();
            String key = prefix + period + "/" + name;
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType(name)).serverSideEncryption("AES256"), RequestBody.fromFile(f));
            out.add("s3://" + bucket + "/" + key);
        }
        return out;
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return name.endsWith(".md") ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8";
    }
}
