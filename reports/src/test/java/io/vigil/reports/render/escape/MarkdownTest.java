package io.vigil.reports.render.escape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void backslashEscapesInlineMarkupAndTablePipes() {
        assertThat(Markdown.escape("a|b `c` *d* _e_ [f](g) ~h~")).isEqualTo("a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~");
    }

    @Test
    void escapesBackslashesFirstSoAValueCannotUndoAnEscape() {
        assertThat(Markdown.escape("\\|")).isEqualTo("\\\\\\|");
    }

    @Test
    void angleBracketsAndAmpersandsBecomeEntitiesSoNoHtmlOrAutolinkOpens() {
        assertThat(Markdown.escape("<img src=x onerror=alert(1)> <https://evil.example> &amp;"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; &lt;https://evil.example&gt; &amp;amp;");
    }

    @Test
    void lineBreaksCannotEndATableRow() {
        assertThat(Markdown.escape("one\ntwo\r\nthree\rfour")).isEqualTo("one<br>two<br>three<br>four").doesNotContain("\n", "\r");
    }
}
