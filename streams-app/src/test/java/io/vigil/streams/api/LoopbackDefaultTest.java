package io.vigil.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.streams.api.http.ApiSettings;
import io.vigil.streams.api.http.BaselineApiServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With no settings, the API listens on loopback only, and there it needs no token. */
class LoopbackDefaultTest {

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        try (BaselineApiServer api = BaselineApiServer.start(ApiSettings.from(Map.of(ApiSettings.PORT, ApiFixtures.freePort()), env -> null))) {
            assertThat(api.applicationServer()).isEqualTo("127.0.0.1:" + api.port());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/baselines/flows/x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("no token needed on loopback; not serving yet").isEqualTo(503);
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> new Socket(external.get(), api.port()).close()).isInstanceOf(ConnectException.class);
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress() && nif.isUp()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
