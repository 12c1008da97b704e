package io.vigil.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {
    private final long[] a = new long[2];

    @ParameterizedTest
    @CsvSource({
        "10.0.0.5, true", "172.16.0.1, true", "172.31.255.255, true", "172.32.0.1, false", "192.168.1.1, true",
        "100.64.0.1, true", "169.254.169.254, true", "127.0.0.1, true", "198.51.100.7, false", "8.8.8.8, false",
        "fd00::1, true", "fe80::1, true", "::1, true", "2600:1f18:aa::5, false", "2001:db8::1, false", "::ffff:10.0.0.5, true",
    })
    void privateRanges(String address, boolean isPrivate) {
        assertThat(Addresses.parse(address, a)).isTrue();
        assertThat(Addresses.isPrivate(a[0], a[1])).isEqualTo(isPrivate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "256.1.1.1", "1.2.3.4.5", "1:2:3", "gggg::1", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "a.b.c.d"})
    void refusesWhatIsNoAddress(String text) {
        assertThat(Addresses.parse(text, a)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.5, 10.0.0.5", "2001:db8::1, 2001:db8::1", "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1", "::, ::", "1::, 1::",
        "2600:1f18:aa:0:0:0:0:5, 2600:1f18:aa::5", "1:0:0:2:0:0:0:3, 1:0:0:2::3", "::ffff:1.2.3.4, 1.2.3.4",
    })
    void formatsCanonically(String text, String canonical) {
        assertThat(Addresses.parse(text, a)).isTrue();
        assertThat(Addresses.format(a[0], a[1])).isEqualTo(canonical);
    }

    @Test
    void bucketsAreSlash24AndSlash64() {
        Addresses.parse("10.0.1.77", a);
        assertThat(Addresses.bucketText(Addresses.bucket(a[0], a[1]), false)).isEqualTo("10.0.1.0/24");
        Addresses.parse("2600:1f18:aa:bb:1:2:3:4", a);
        assertThat(Addresses.bucketText(Addresses.bucket(a[0], a[1]), true)).isEqualTo("2600:1f18:aa:bb::/64");
    }

    @Test
    void configuredNetworksAreInternal() {
        InternalNetworks vpc = InternalNetworks.of(java.util.List.of("2600:1f18::/32", "198.51.100.0/24"));
        Addresses.parse("2600:1f18:aa::5", a);
        assertThat(vpc.isInternal(a[0], a[1])).isTrue();
        Addresses.parse("2600:1f19::5", a);
        assertThat(vpc.isInternal(a[0], a[1])).isFalse();
        Addresses.parse("198.51.100.200", a);
        assertThat(vpc.isInternal(a[0], a[1])).isTrue();
        Addresses.parse("198.51.101.1", a);
        assertThat(vpc.isInternal(a[0], a[1])).isFalse();
    }
}
