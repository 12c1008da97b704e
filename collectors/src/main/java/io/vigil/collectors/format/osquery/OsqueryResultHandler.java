package io.vigil.collectors.format.osquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.collectors.format.Collected;
import io.vigil.collectors.format.Format;
import io.vigil.collectors.format.RecordSink;
import io.vigil.collectors.format.Rejected;
import io.vigil.schemas.HostInventory;
import io.vigil.schemas.InventoryAction;
import io.vigil.schemas.Origin;
import io.vigil.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.AvroRuntimeException;

/**
 * Turns one osquery result line into inventory rows: event format (one row, {@code columns} and
 * {@code action}), batch format ({@code diffResults} added and removed) and snapshot format
 * ({@code snapshot}, every row of the table). A bad row is dead-lettered alone; a line whose shared
 * fields (query name, host, time) are unusable is dead-lettered once.
 */
final class OsqueryResultHandler {
    private final String source;
    private final Instant collectedAt;
    private final RecordSink sink;

    OsqueryResultHandler(String source, Instant collectedAt, RecordSink sink) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.sink = sink;
    }

    void line(JsonNode line, String position) {
        JsonNode diff = line.get("diffResults");
        JsonNode snapshot = line.get("snapshot");
        JsonNode columns = line.get("columns");
        if (diff == null && snapshot == null && columns == null) {
            reject("not_a_result", "no columns, snapshot or diffResults: not an osquery result log line", line, position);
            return;
        }
        OsqueryRowNormaliser.ResultHeader header;
        try {
            header = OsqueryRowNormaliser.header(line);
        } catch (IllegalArgumentException e) {
            reject("invalid_result", e.getMessage(), line, position);
            return;
        }
        if (diff != null) {
            // Removals first: when a row replaces another under the same key, the addition must be the last word.
            rows(header, InventoryAction.REMOVED, diff.get("removed"), position + " removed");
            rows(header, InventoryAction.ADDED, diff.get("added"), position + " added");
        } else if (snapshot != null) {
            rows(header, InventoryAction.SNAPSHOT, snapshot, position + " row");
        } else {
            InventoryAction action = action(line.path("action").asText(""));
            if (action == null) {
                reject("invalid_result", "field 'action' is '" + line.path("action").asText("") + "', expected added, removed or snapshot", line,
                        position);
                return;
            }
            row(header, action, columns, position);
        }
    }

    private void rows(OsqueryRowNormaliser.ResultHeader header, InventoryAction action, JsonNode rows, String position) {
        if (rows == null || rows.isNull()) {
            return;
        }
        if (!rows.isArray()) {
            reject("invalid_result", "expected a list of rows", rows, position);
            return;
        }
        int i = 0;
        for (JsonNode columns : rows) {
            row(header, action, columns, position + " " + ++i);
        }
    }

    private void row(OsqueryRowNormaliser.ResultHeader header, InventoryAction action, JsonNode columns, String position) {
        try {
            HostInventory row = OsqueryRowNormaliser.row(header, action, columns, new Origin(source, position, Format.OSQUERY.label(), collectedAt));
            sink.accept(new Collected<>(Topics.INVENTORY_HOST, OsqueryRowNormaliser.key(row), row, row.getEventTime()));
        } catch (IllegalArgumentException | AvroRuntimeException e) {
            reject("invalid_result", e.getMessage(), columns, position);
        }
    }

    private static InventoryAction action(String value) {
        return switch (value) {
            case "added" -> InventoryAction.ADDED;
            case "removed" -> InventoryAction.REMOVED;
            case "snapshot" -> InventoryAction.SNAPSHOT;
            default -> null;
        };
    }

    private void reject(String reason, String detail, JsonNode original, String position) {
        byte[] payload = original == null ? new byte[0] : original.toString().getBytes(StandardCharsets.UTF_8);
        sink.reject(new Rejected(reason, detail, payload, position));
    }
}
