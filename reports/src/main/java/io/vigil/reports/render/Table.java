package io.vigil.reports.render;

import java.util.List;

/**
 * A table as both page formats show it. Cells are plain, unescaped text (much of it from logs); each
 * renderer escapes every cell for its own format, so no table can carry markup.
 */
record Table(String title, List<String> headers, List<List<String>> rows, String note) {

    Table {
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(title + ": row of " + row.size() + " cells under " + headers.size() + " headers");
            }
        }
    }

    Table(String title, List<String> headers, List<List<String>> rows) {
        this(title, headers, rows, "");
    }
}
