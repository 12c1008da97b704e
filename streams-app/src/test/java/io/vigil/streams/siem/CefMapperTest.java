package io.vigil.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.schemas.Finding;
import org.junit.jupiter.api.Test;

class CefMapperTest {

    @Test
    void headerNamesVigilTheDetectorTheSummaryAndSeverity() {
        Finding f = TestFindings.portScan();
        String line = CefMapper.toLine(f);
        assertThat(line).startsWith("CEF:0|Vigil|Vigil|0.1|flow.port_scan|");
        CefLine cef = CefLine.parse(line);
        assertThat(cef.header()).containsExactly("CEF:0", "Vigil", "Vigil", "0.1", "flow.port_scan", f.getSummary(), "8");
    }

    @Test
    void extensionCarriesTimesIdsEntityAndEnds() {
        Finding f = TestFindings.portScan();
        var ext = CefLine.parse(CefMapper.toLine(f)).extension();
        assertThat(ext).containsEntry("rt", Long.toString(TestFindings.EVENT_TIME.toEpochMilli()))
                .containsEntry("externalId", f.getId())
                .containsEntry("cat", "anomaly")
                .containsEntry("src", "10.0.1.5")
                .containsEntry("dst", "10.0.2.9")
                .containsEntry("cs1Label", "findingId").containsEntry("cs1", f.getId())
                .containsEntry("cs2Label", "entity").containsEntry("cs2", "i-0abc123")
                .containsEntry("cs4", "T1046")
                .containsEntry("cs6", "flows.raw/2/100")
                .containsEntry("deviceCustomDate1", Long.toString(TestFindings.DETECTED_AT.toEpochMilli()));
        assertThat(ext).doesNotContainKey("suser");
    }

    @Test
    void principalIsSuserAndAnIpv6CallerGoesToC6a2() {
        var ext = CefLine.parse(CefMapper.toLine(TestFindings.sensitiveCall())).extension();
        assertThat(ext).containsEntry("suser", "arn:aws:iam::123456789012:user/mallory")
                .containsEntry("c6a2", "2001:db8::7").containsEntry("c6a2Label", "Source IPv6 Address")
                .doesNotContainKey("src");
    }

    @Test
    void severityIsOnTheCefScale() {
        assertThat(CefLine.parse(CefMapper.toLine(TestFindings.sensitiveCall())).header().get(6)).isEqualTo("10");
        assertThat(CefLine.parse(CefMapper.toLine(TestFindings.drift())).header().get(6)).isEqualTo("5");
    }

    @Test
    void hostileStringsStayInsideTheirFields() {
        Finding f = TestFindings.hostile();
        String line = CefMapper.toLine(f);
        assertThat(line).doesNotContain("\n", "\r");
        CefLine cef = CefLine.parse(line);
        assertThat(cef.header()).hasSize(7);
        assertThat(cef.header().get(5)).isEqualTo(f.getSummary().replace('\n', ' ').replace('\r', ' '));
        assertThat(cef.extension().keySet()).containsExactly("rt", "externalId", "cat", "msg", "src", "cs1", "cs1Label", "cs2",
                "cs2Label", "cs3", "cs3Label", "cs5", "cs5Label", "cs6", "cs6Label", "deviceCustomDate1",
                "deviceCustomDate1Label");
        assertThat(cef.extension()).containsEntry("msg", f.getEvidence().getReason())
                .containsEntry("cs2", f.getEntity())
                .containsEntry("src", "10.0.0.1");
    }

    @Test
    void headerEscapesBackslashAndPipe() {
        assertThat(CefEscape.header("a\\b|c", 100)).isEqualTo("a\\\\b\\|c");
        assertThat(CefEscape.header("one\r\ntwo", 100)).isEqualTo("one  two");
        assertThat(CefEscape.header("x=y", 100)).isEqualTo("x=y");
    }

    @Test
    void extensionValuesEscapeBackslashEqualsAndLineBreaks() {
        assertThat(CefEscape.value("a\\b=c|d", 100)).isEqualTo("a\\\\b\\=c|d");
        assertThat(CefEscape.value("one\r\ntwo", 100)).isEqualTo("one\\r\\ntwo");
        assertThat(CefEscape.value("bell\u0007nul\u0000sep\u2028end\ttab", 100)).isEqualTo("bell nul sep end\ttab");
    }

    @Test
    void truncationNeverSplitsAnEscapeOrACharacter() {
        assertThat(CefEscape.value("ab\\cd", 3)).isEqualTo("ab\\\\");
        assertThat(CefEscape.header("x|y", 2)).isEqualTo("x\\|");
        assertThat(CefEscape.value("a\uD83D\uDE00b", 2)).isEqualTo("a\uD83D\uDE00");
    }
}
