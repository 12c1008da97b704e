package io.vigil.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.streams.api.http.ApiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's settings refuse every unsafe combination before anything listens. */
class ApiSettingsTest {
    private static final String TOKEN = "0123456789abcdef-token";

    @TempDir
    Path dir;

    @Test
    void bindsToLoopbackByDefaultAndNeedsNothingThere() {
        ApiSettings s = ApiSettings.from(Map.of(), env -> null);
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(ApiSettings.DEFAULT_PORT);
        assertThat(s.tls()).isEmpty();
        assertThat(s.token()).isEmpty();
        assertThat(s.applicationServer()).isEqualTo("127.0.0.1:" + ApiSettings.DEFAULT_PORT);
    }

    @Test
    void refusesANonLoopbackBindWithoutTlsOrWithoutAClientCredential() throws Exception {
        assertThatThrownBy(() -> ApiSettings.from(Map.of(ApiSettings.BIND, "0.0.0.0"), env -> TOKEN))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TLS");
        Path keystore = Files.writeString(dir.resolve("ks.p12"), "not checked before start");
        Map<String, Object> tlsOnly = Map.of(ApiSettings.BIND, "0.0.0.0", ApiSettings.KEYSTORE, keystore.toString(), ApiSettings.KEYSTORE_PASSWORD, "pw");
        assertThatThrownBy(() -> ApiSettings.from(tlsOnly, env -> null)).isInstanceOf(ConfigException.class).hasMessageContaining("bearer token");

        assertThat(ApiSettings.from(tlsOnly, env -> TOKEN).token()).isPresent();
        Map<String, Object> mtls = Map.of(ApiSettings.BIND, "0.0.0.0", ApiSettings.KEYSTORE, keystore.toString(), ApiSettings.KEYSTORE_PASSWORD, "pw",
                ApiSettings.CLIENT_AUTH, "true");
        assertThat(ApiSettings.from(mtls, env -> null).tls()).hasValueSatisfying(t -> assertThat(t.clientAuth()).isTrue());
    }

    @Test
    void readsTheTokenFromAFileOrTheEnvironmentNeverBothAndHidesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        ApiSettings fromFile = ApiSettings.from(Map.of(ApiSettings.TOKEN_FILE, file.toString()), env -> null);
        assertThat(fromFile.token()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo(TOKEN));
        assertThat(fromFile.toString()).doesNotContain(TOKEN);
        assertThat(ApiSettings.from(Map.of(), env -> ApiSettings.TOKEN_ENV.equals(env) ? TOKEN : null).token()).isPresent();
        assertThatThrownBy(() -> ApiSettings.from(Map.of(ApiSettings.TOKEN_FILE, file.toString()), env -> TOKEN)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ApiSettings.from(Map.of(), env -> "short")).isInstanceOf(ConfigException.class).hasMessageNotContaining("short");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> ApiSettings.from(Map.of(ApiSettings.PORT, "70000"), env -> null)).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ApiSettings.from(Map.of(ApiSettings.BIND, "no-such-host.invalid"), env -> null)).isInstanceOf(ConfigException.class);
    }
}
