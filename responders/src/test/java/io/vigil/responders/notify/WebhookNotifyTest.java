package io.vigil.responders.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import io.vigil.schemas.ActionStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook adapter against a real HTTP server on loopback: body, headers, and how answers are classified. */
class WebhookNotifyTest {
    private static final CaseEvent EVENT = new CaseEvent("case-1", "f-1", "flow.exfiltration", "CRITICAL", "i-0abc", List.of("T1041"),
            "i-0abc sent 40 GB\nout", "data-exfiltration", List.of("contain instance.contain EXECUTED"));
    private static final ActionContext CTX = new ActionContext("case-1", "f-1", "data-exfiltration", "key-1", Duration.ofSeconds(30), Instant.EPOCH);

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> headers = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(ex.getRequestHeaders().getFirst("Idempotency-Key") + " " + ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(answer.get(), -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheCaseEventWithItsIdempotencyKeyAndToken() throws Exception {
        Outcome o = notifier().caseEvent(EVENT, CTX);

        assertThat(o.status()).isEqualTo(ActionStatus.EXECUTED);
        assertThat(o.plan()).contains("POST http://", "/hook", "HTTP 204").doesNotContain("secret");
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.path("case_id").asText()).isEqualTo("case-1");
        assertThat(body.path("attack").get(0).asText()).isEqualTo("T1041");
        assertThat(body.path("text").asText()).doesNotContain("\n").contains("[CRITICAL] flow.exfiltration on i-0abc");
        assertThat(headers).containsExactly("key-1 Bearer tok-123");
    }

    @Test
    void serverErrorsAndThrottlingAreRetryableOtherRefusalsPermanent() {
        answer.set(503);
        assertThatThrownBy(() -> notifier().caseEvent(EVENT, CTX)).isInstanceOfSatisfying(ActionException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).endsWith("HTTP 503").doesNotContain("secret");
        });
        answer.set(429);
        assertThatThrownBy(() -> notifier().caseEvent(EVENT, CTX)).isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.retryable()).isTrue());
        answer.set(403);
        assertThatThrownBy(() -> notifier().caseEvent(EVENT, CTX)).isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.retryable()).isFalse());
        server.stop(0);
        assertThatThrownBy(() -> notifier().caseEvent(EVENT, CTX)).isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.retryable()).isTrue());
    }

    private WebhookNotify notifier() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?secret=s3");
        return new WebhookNotify(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), url, Optional.of("tok-123"), Duration.ofSeconds(5));
    }
}
