package io.vigil.collectors.format.vpcflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, 10.0.0.1",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:db8:1234:a100:8d6e:3477:df66:f105, 2001:db8:1234:a100:8d6e:3477:df66:f105",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2a02:cf40::, 2a02:cf40::",
            "::, ::",
            "::1, ::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "::ffff:192.0.2.1, ::ffff:192.0.2.1",
            "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
    })
    void validAddressesGetTheirCanonicalForm(String address, String canonical) {
        assertThat(IpAddresses.canonical(address)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.0.0.1", "256.1.1.1", "10.0.0", "10.0.0.1.2", "10..0.1", "010.0.0.1", "1.2.3.4 ", "a.b.c.d", "",
            "2001:db8:::1", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", ":1::", "1:", "::ffff:999.0.0.1",
            "1:2:3:4:5:6:7:1.2.3.4", "-", "eni-1235b8ca123456789"})
    void invalidAddressesAreRefused(String text) {
        assertThat(IpAddresses.canonical(text)).isNull();
    }
}
