package io.vigil.reports.baseline;

/** The baseline as far as the input topics hold it when the report is written. */
public record BaselineSummary(InventorySummary inventory, PrincipalSummary principals) {

    public static BaselineSummary empty() {
        return new BaselineSummary(new InventoryBaseline().summary(), new PrincipalBaseline().summary());
    }
}
