package io.vigil.schemas.wire;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The config keys that choose a wire format, declared once, and the factory that validates them. */
public final class WireFormats {
    public static final String FORMAT = "vigil.wire.format";
    public static final String REGISTRY_URL = "vigil.schema.registry.url";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(FORMAT, ConfigDef.Type.STRING, "single-object", ConfigDef.ValidString.in("single-object", "registry"),
                    ConfigDef.Importance.HIGH, "How Avro records are framed on topics: single-object (no registry) or registry (Confluent wire format).")
            .define(REGISTRY_URL, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Base URL of a Schema Registry speaking the Confluent REST API; required when " + FORMAT + "=registry.");

    private WireFormats() {}

    public static WireFormat fromConfig(Map<String, ?> props) {
        Map<String, Object> parsed = CONFIG.parse(props);
        if ("registry".equals(parsed.get(FORMAT))) {
            String url = (String) parsed.get(REGISTRY_URL);
            if (url == null || url.isBlank()) {
                throw new ConfigException(REGISTRY_URL, url, "required when " + FORMAT + "=registry: an http(s) URL such as http://localhost:8081");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(REGISTRY_URL, url, "expected an http(s) URL such as http://localhost:8081");
            }
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new ConfigException(REGISTRY_URL, url, "expected an http(s) URL such as http://localhost:8081");
            }
            return new ConfluentWireFormat(new SchemaRegistryClient(uri));
        }
        return new SingleObjectWireFormat();
    }
}
