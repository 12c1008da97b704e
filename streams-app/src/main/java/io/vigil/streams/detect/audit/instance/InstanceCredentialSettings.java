package io.vigil.streams.detect.audit.instance;

import io.vigil.streams.baseline.InternalNetworks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of {@code audit.instance_credentials_outside}, declared once and validated when the topology is built.
 *
 * @param estate        the estate's networks (VPC ranges, NAT gateway and Elastic IPs) on top of the private ranges
 * @param estateCidrs   the same, as configured (shown in evidence)
 * @param perAddressDay findings per (instance, outside address) and UTC day; later calls from there are not reported again that day
 */
public record InstanceCredentialSettings(InternalNetworks estate, List<String> estateCidrs, int perAddressDay) {
    public static final String ESTATE_NETWORKS = "vigil.audit.estate.networks";
    public static final String PER_ADDRESS_DAY = "vigil.audit.instance_credentials.max.per.address.day";

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(ESTATE_NETWORKS, Type.LIST, List.of(), Importance.HIGH,
                    "CIDR blocks of the estate besides the private ranges: the VPCs' public IPv6 blocks, NAT gateway and Elastic IP addresses "
                            + "(as /32). Instance credentials used from inside them are the estate's own; when set, a use from anywhere else is "
                            + "reported MEDIUM or higher from the first call.")
            .define(PER_ADDRESS_DAY, Type.INT, 20, Range.atLeast(1), Importance.LOW,
                    "Findings per instance and outside address per UTC day (one per call, the first ones); the rest of the day's calls from "
                            + "there are counted, not reported.");

    public static InstanceCredentialSettings defaults() {
        return from(Map.of());
    }

    /** Reads the keys above from a property map (others are ignored); throws ConfigException on a bad value. */
    public static InstanceCredentialSettings from(Map<String, ?> config) {
        Map<String, Object> mine = new HashMap<>();
        config.forEach((k, v) -> {
            if (CONFIG.names().contains(k)) {
                mine.put(k, v);
            }
        });
        AbstractConfig c = new AbstractConfig(CONFIG, mine, false);
        List<String> cidrs = c.getList(ESTATE_NETWORKS);
        try {
            return new InstanceCredentialSettings(InternalNetworks.of(cidrs), List.copyOf(cidrs), c.getInt(PER_ADDRESS_DAY));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ESTATE_NETWORKS, cidrs, e.getMessage());
        }
    }
}
