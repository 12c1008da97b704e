package io.vigil.cli.baseline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.query.ServicesView;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** GETs one baseline from a streams instance's baseline API, with the bearer token and, for self-signed TLS, a PEM trust file. */
final class BaselineApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    BaselineApiClient(URI base, Optional<String> token, Path caCert) throws IOException, GeneralSecurityException {
        this.base = base;
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (caCert != null) {
            b.sslContext(trusting(caCert));
        }
        this.http = b.build();
    }

    /** The token from its file, else from the environment variable's value; none when neither is set. */
    static Optional<String> token(Path file, String fromEnv) throws IOException {
        if (file != null) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        return Optional.ofNullable(fromEnv).filter(t -> !t.isBlank());
    }

    Optional<Map<String, Object>> get(String kind, String entity) throws IOException, InterruptedException, URISyntaxException {
        String path = "services".equals(kind) ? ServicesView.PATH : BaselineKind.named(kind).orElseThrow().path();
        URI uri = new URI(base.getScheme(), null, base.getHost(), base.getPort(), path + entity, null, null);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        return switch (res.statusCode()) {
            case 200 -> Optional.of(JSON.readValue(res.body(), new TypeReference<LinkedHashMap<String, Object>>() {}));
            case 404 -> Optional.empty();
            case 401 -> throw new IllegalArgumentException("the baseline API refused the request (401): give its token with --token-file or VIGIL_API_TOKEN");
            default -> throw new IOException("the baseline API answered " + res.statusCode() + ": " + new String(res.body(), StandardCharsets.UTF_8));
        };
    }

    private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
