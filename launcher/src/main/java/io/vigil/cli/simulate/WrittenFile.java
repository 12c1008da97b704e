package io.vigil.cli.simulate;

import java.nio.file.Path;

/** A file the simulation wrote, the format a collector should detect in it and the records it holds. */
public record WrittenFile(Path path, String format, long records) {}
