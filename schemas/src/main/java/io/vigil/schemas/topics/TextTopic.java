package io.vigil.schemas.topics;

/** A topic of UTF-8 text values (JSON or CEF lines) for tools that do not read Avro, keyed like its source. */
public record TextTopic(String name, int partitions, Cleanup cleanup, String doc) {}
