package io.vigil.streams.api.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.api.query.Answer;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.query.PeerClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards a query to the instance that owns its key, over the same scheme and with the same
 * credentials as clients use (the shared token, this instance's certificate under mTLS), marked
 * {@value BaselineApiServer#LOCAL_ONLY_HEADER} so the peer answers from its own stores only.
 */
final class HttpPeerClient implements PeerClient {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPeerClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String scheme;
    private final Optional<Password> token;
    private final Duration timeout;

    HttpPeerClient(ApiSettings settings, Optional<SSLContext> tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.forwardTimeoutMillis()));
        tls.ifPresent(b::sslContext);
        this.http = b.build();
        this.scheme = settings.scheme();
        this.token = settings.token();
        this.timeout = Duration.ofMillis(settings.forwardTimeoutMillis());
    }

    @Override
    public Answer localAt(HostInfo peer, BaselineKind kind, String key) {
        try {
            URI uri = new URI(scheme, null, peer.host(), peer.port(), kind.path() + key, null, null);
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header(BaselineApiServer.LOCAL_ONLY_HEADER, "true").GET();
            token.ifPresent(t -> req.header("Authorization", "Bearer " + t.value()));
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return switch (res.statusCode()) {
                case 200 -> Answer.found(JSON.readValue(res.body(), new TypeReference<LinkedHashMap<String, Object>>() {}));
                case 404 -> Answer.notFound();
                default -> Answer.unavailable("the instance at " + peer + " answered " + res.statusCode());
            };
        } catch (IOException | URISyntaxException e) {
            LOG.warn("cannot reach the baseline API of {}: {}", peer, e.getClass().getSimpleName());
            return Answer.unavailable("the instance owning it (" + peer + ") is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unavailable("interrupted");
        }
    }
}
