package io.vigil.collectors.format.osquery;

import io.vigil.schemas.InventoryKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an osquery row describes, from the scheduled query's name (packs name queries after the table
 * they read: {@code pack_inventory_deb_packages}) or, for queries named otherwise, from the columns
 * the table has. For packages also the package manager they came from.
 */
final class InventoryKinds {
    /** Package tables (name fragments) and the package source each stands for. */
    private static final Map<String, String> PACKAGE_TABLES = new LinkedHashMap<>();

    static {
        PACKAGE_TABLES.put("deb_packages", "deb");
        PACKAGE_TABLES.put("rpm_packages", "rpm");
        PACKAGE_TABLES.put("python_packages", "python");
        PACKAGE_TABLES.put("npm_packages", "npm");
        PACKAGE_TABLES.put("chocolatey", "chocolatey");
        PACKAGE_TABLES.put("homebrew", "homebrew");
        PACKAGE_TABLES.put("portage_packages", "portage");
        PACKAGE_TABLES.put("pkg_packages", "pkg");
        PACKAGE_TABLES.put("atom_packages", "atom");
        PACKAGE_TABLES.put("programs", "windows");
        PACKAGE_TABLES.put("chrome_extensions", "chrome");
        PACKAGE_TABLES.put("firefox_addons", "firefox");
        PACKAGE_TABLES.put("vscode_extensions", "vscode");
    }

    record Kind(InventoryKind kind, String packageSource) {}

    private InventoryKinds() {}

    static Kind classify(String queryName, Map<String, String> columns) {
        String name = queryName.toLowerCase(Locale.ROOT);
        if (name.contains("listening_ports")) {
            return new Kind(InventoryKind.LISTENING_PORT, null);
        }
        if (name.contains("processes")) {
            return new Kind(InventoryKind.PROCESS, null);
        }
        for (Map.Entry<String, String> table : PACKAGE_TABLES.entrySet()) {
            if (name.contains(table.getKey())) {
                return new Kind(InventoryKind.PACKAGE, table.getValue());
            }
        }
        return fromColumns(columns);
    }

    private static Kind fromColumns(Map<String, String> c) {
        if (c.containsKey("port") && c.containsKey("protocol") && c.containsKey("address")) {
            return new Kind(InventoryKind.LISTENING_PORT, null);
        }
        if (c.containsKey("pid") && c.containsKey("name") && c.containsKey("path") && (c.containsKey("cmdline") || c.containsKey("parent"))) {
            return new Kind(InventoryKind.PROCESS, null);
        }
        if (c.containsKey("bundle_identifier") && c.containsKey("bundle_short_version")) {
            return new Kind(InventoryKind.PACKAGE, "macos");
        }
        boolean packageColumns = c.containsKey("arch") || c.containsKey("release") || c.containsKey("revision") || c.containsKey("publisher");
        if (c.containsKey("name") && c.containsKey("version") && packageColumns) {
            return new Kind(InventoryKind.PACKAGE, null);
        }
        return new Kind(InventoryKind.OTHER, null);
    }
}
