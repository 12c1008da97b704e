package io.vigil.reports.schedule;

import java.nio.file.Path;
import java.util.List;

/** Where scheduled reports go: a folder, or an S3 prefix. Each period's files go under the period's name. */
public interface ReportSink {
    /** Whether the period's report is already there (written by an earlier run): it is not written again. */
    boolean has(String period);

    /** Stores the files (rendered into a local folder) under the period's name; returns where they went. */
    List<String> put(String period, List<Path> files);

    /** {@code s3://bucket/prefix} names an S3 location; anything else is a folder. */
    static boolean isS3(String location) {
        return location.startsWith("s3://");
    }
}
