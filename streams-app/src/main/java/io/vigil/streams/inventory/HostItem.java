package io.vigil.streams.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.schemas.HostInventory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One inventory item of a host, as its baseline keeps it: the typed fields of its kind (the full osquery
 * columns stay on the topic) and when it was first reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostItem(@JsonProperty("kind") String kind, @JsonProperty("query") String query, @JsonProperty("name") String name,
                       @JsonProperty("version") String version, @JsonProperty("source") String source, @JsonProperty("port") Integer port,
                       @JsonProperty("protocol") Integer protocol, @JsonProperty("address") String address, @JsonProperty("pid") Long pid,
                       @JsonProperty("path") String path, @JsonProperty("first_seen") long firstSeen) {

    static HostItem of(HostInventory r, long firstSeen) {
        String kind = r.getKind().name();
        return switch (r.getKind()) {
            case PACKAGE -> new HostItem(kind, r.getQueryName(), r.getPackageName(), r.getPackageVersion(), r.getPackageSource(), null, null, null,
                    null, null, firstSeen);
            case LISTENING_PORT -> new HostItem(kind, r.getQueryName(), r.getProcessName(), null, null, r.getPort(), r.getProtocol(), r.getAddress(),
                    r.getPid(), r.getPath(), firstSeen);
            case PROCESS -> new HostItem(kind, r.getQueryName(), r.getProcessName(), null, null, null, null, null, r.getPid(), r.getPath(), firstSeen);
            case OTHER -> new HostItem(kind, r.getQueryName(), null, null, null, null, null, null, null, null, firstSeen);
        };
    }

    /**
     * What a row is about, so its removal finds the row that added it: a package version (an upgrade
     * is a removal and an addition), a listening socket, a process, or any other row by its columns.
     */
    static String key(HostInventory r) {
        return r.getKind() + "|" + switch (r.getKind()) {
            case PACKAGE -> r.getPackageSource() + ":" + r.getPackageName() + ":" + r.getPackageVersion() + ":" + r.getColumns().getOrDefault("arch", "");
            case LISTENING_PORT -> r.getProtocol() + ":" + r.getAddress() + ":" + r.getPort();
            case PROCESS -> r.getPid() + ":" + r.getProcessName();
            case OTHER -> r.getQueryName() + ":" + UUID.nameUUIDFromBytes(r.getColumns().toString().getBytes(StandardCharsets.UTF_8));
        };
    }
}
