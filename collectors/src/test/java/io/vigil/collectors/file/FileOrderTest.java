package io.vigil.collectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOrderTest {
    @Test
    void foldersAreReadInTimeOrderEvenWithAwsConfigsUnpaddedDates(@TempDir Path dir) throws Exception {
        for (String p : List.of("Config/2026/3/10/b.json.gz", "Config/2026/3/2/a.json.gz", "Config/2026/12/1/c.json.gz", "Config/2026/3/2/a10.json",
                "Config/2026/3/2/a9.json", "Config/2026/3/02x/z.json")) {
            Files.createDirectories(dir.resolve(p).getParent());
            Files.writeString(dir.resolve(p), "{}");
        }
        assertThat(FileCollector.expand(List.of(dir)).stream().map(p -> dir.relativize(p).toString()).toList()).containsExactly(
                "Config/2026/3/2/a.json.gz", "Config/2026/3/2/a9.json", "Config/2026/3/2/a10.json", "Config/2026/3/02x/z.json",
                "Config/2026/3/10/b.json.gz", "Config/2026/12/1/c.json.gz");
    }
}
