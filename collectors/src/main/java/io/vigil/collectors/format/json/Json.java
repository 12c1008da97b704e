package io.vigil.collectors.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON parser every collector uses, with hard limits: inputs are attacker-reachable, so a string
 * of 50 MB or an array nested 200,000 deep is refused (and dead-lettered), never allowed to exhaust memory.
 */
public final class Json {
    public static final int MAX_STRING = 10 * 1024 * 1024;
    public static final int MAX_DEPTH = 200;
    public static final int MAX_DOCUMENT = 512 * 1024 * 1024;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_DOCUMENT)
                    .build())
            .build());

    private Json() {}
}
