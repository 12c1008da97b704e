package io.vigil.streams.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.streams.api.query.Answer;
import io.vigil.streams.api.query.BaselineKind;
import io.vigil.streams.api.query.BaselineQueries;
import io.vigil.streams.api.query.ServicesView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline API: {@code GET /baselines/flows/{entity}}, {@code /baselines/principals/{arn}},
 * {@code /baselines/config/{resource}}, {@code /baselines/services/{host}} and {@code /inventory/hosts/{id}},
 * JSON, on the JDK's HTTP server (HTTPS when a keystore is configured).
 *
 * <p>Bound before the streams app starts (its address is the app's {@code application.server}); answers
 * 503 until {@link #serve} hands it the running app. With a token configured, every request without it
 * gets 401 and an empty body before anything else is looked at. Tokens and entity names are never logged.
 */
public final class BaselineApiServer implements AutoCloseable {
    /** Marks a request forwarded by another instance: answer from this instance's stores only. */
    static final String LOCAL_ONLY_HEADER = "X-Vigil-Local-Only";
    private static final Logger LOG = LoggerFactory.getLogger(BaselineApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ApiSettings settings;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<SSLContext> tls;
    private final Optional<BearerToken> token;
    private volatile BaselineQueries queries;

    private BaselineApiServer(ApiSettings settings) {
        this.settings = settings;
        this.tls = settings.tls().map(TlsContexts::of);
        this.token = settings.token().map(BearerToken::new);
        try {
            InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
            if (tls.isPresent()) {
                HttpsServer https = HttpsServer.create(address, 64);
                boolean clientAuth = settings.tls().get().clientAuth();
                https.setHttpsConfigurator(new HttpsConfigurator(tls.get()) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.get().getDefaultSSLParameters();
                        p.setNeedClientAuth(clientAuth);
                        params.setSSLParameters(p);
                    }
                });
                this.server = https;
            } else {
                this.server = HttpServer.create(address, 64);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the baseline API on " + settings.bind() + ":" + settings.port() + " (" + e.getMessage()
                    + "); choose another --api-port", e);
        }
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "vigil-baseline-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Binds and starts answering (503 until {@link #serve}); throws if the settings are unsafe or the port is taken. */
    public static BaselineApiServer start(ApiSettings settings) {
        BaselineApiServer s = new BaselineApiServer(settings);
        s.server.start();
        LOG.info("baseline API at {}://{}:{} ({}{})", settings.scheme(), settings.bind(), s.port(),
                s.token.isPresent() ? "bearer token required" : "no token", settings.tls().map(t -> t.clientAuth() ? ", client certificates required" : "").orElse(""));
        return s;
    }

    /** Answers from the running app from now on; other instances are reached through their application.server. */
    public void serve(KafkaStreams streams) {
        this.queries = new BaselineQueries(streams, new HostInfo(settings.advertisedHost(), port()), new HttpPeerClient(settings, tls));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code host:port} other instances reach this API at: the value of Kafka Streams' {@code application.server}. */
    public String applicationServer() {
        return settings.advertisedHost() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange);
        } catch (RuntimeException e) {
            // The class only: a message could carry an entity name from the request.
            LOG.warn("baseline API request failed: {}", e.getClass().getName());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        if (token.isPresent() && !token.get().accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"vigil\"");
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "GET");
            send(exchange, 405, Map.of("error", "only GET"));
            return;
        }
        BaselineQueries q = queries;
        if (q == null) {
            unavailable(exchange, "the streams app is starting");
            return;
        }
        Answer answer;
        try {
            boolean localOnly = "true".equals(exchange.getRequestHeaders().getFirst(LOCAL_ONLY_HEADER));
            answer = route(q, exchange.getRequestURI().getPath(), localOnly);
        } catch (RuntimeException e) {
            LOG.warn("baseline query failed: {}", e.getClass().getName());
            send(exchange, 500, Map.of("error", "internal error"));
            return;
        }
        switch (answer.status()) {
            case FOUND -> send(exchange, 200, answer.body().orElseThrow());
            case NOT_FOUND -> send(exchange, 404, Map.of("error", "no such baseline"));
            case UNAVAILABLE -> unavailable(exchange, answer.reason());
        }
    }

    private static Answer route(BaselineQueries q, String path, boolean localOnly) {
        if (path.startsWith(ServicesView.PATH) && path.length() > ServicesView.PATH.length()) {
            return ServicesView.of(q, path.substring(ServicesView.PATH.length()));
        }
        for (BaselineKind kind : BaselineKind.values()) {
            if (path.startsWith(kind.path()) && path.length() > kind.path().length()) {
                return q.get(kind, path.substring(kind.path().length()), localOnly);
            }
        }
        return Answer.notFound();
    }

    private static void unavailable(HttpExchange exchange, String reason) throws IOException {
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(exchange, 503, Map.of("error", reason));
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
