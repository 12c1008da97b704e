package io.vigil.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Build-time gate on schema evolution: the current schema of every type must read every released
 * version (backward compatibility), and a changed schema must be released as a new version.
 */
class SchemaCompatibilityTest {

    @TestFactory
    List<DynamicTest> currentSchemasReadEveryReleasedVersion() {
        return Samples.all().stream().map(SpecificRecord::getSchema).map(current -> DynamicTest.dynamicTest(current.getName(), () -> {
            List<Schema> released = ReleasedSchemas.of(current.getName());
            assertThat(released).as("released versions of %s (add released/%s/v1.avsc)", current.getName(), current.getName()).isNotEmpty();
            for (int v = 0; v < released.size(); v++) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released.get(v));
                assertThat(result.getType()).as("%s v%d: %s", current.getName(), v + 1, result.getDescription())
                        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
            }
            assertThat(released.get(released.size() - 1))
                    .as("%s changed since its last release: add released/%s/v%d.avsc", current.getName(), current.getName(), released.size() + 1)
                    .isEqualTo(current);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> aFieldWithoutDefaultIsCaughtAsIncompatible() {
        // The gate must be able to fail: adding a required field breaks reading old records.
        Schema old = Schema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        Schema broken = Schema.parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
        return List.of(DynamicTest.dynamicTest("required field added", () -> assertThat(
                SchemaCompatibility.checkReaderWriterCompatibility(broken, old).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE)));
    }
}
