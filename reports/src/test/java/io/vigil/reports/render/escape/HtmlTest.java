package io.vigil.reports.render.escape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveHtmlSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>")).isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapesAnAlreadyEscapedEntitySoItShowsLiterally() {
        assertThat(Html.escape("&lt;script&gt;")).isEqualTo("&amp;lt;script&amp;gt;");
    }

    @Test
    void nullIsEmptyAndPlainTextIsUnchanged() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("arn:aws:iam::123456789012:user/ünï")).isEqualTo("arn:aws:iam::123456789012:user/ünï");
    }
}
