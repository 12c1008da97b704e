package io.vigil.reports.render;

import java.util.List;

/** A titled part of the report page, with an anchor id (a fixed ASCII word, never data). */
record Section(String id, String title, List<Table> tables) {}
