package io.vigil.reports.render.escape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    @Test
    void quotesCellsWithSeparatorsQuotesOrLineBreaksAndDoublesQuotes() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void neutralisesCellsThatASpreadsheetWouldEvaluate(String formula) {
        assertThat(Csv.cell(formula)).matches("(?s)\"?'.*").contains(formula.replace("\"", "\"\""));
    }

    @Test
    void aFormulaAfterTheFirstCharacterIsLeftAlone() {
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void rowsEndWithCrlf() {
        assertThat(Csv.row(List.of("a", "b,c", ""))).isEqualTo("a,\"b,c\",\r\n");
    }
}
