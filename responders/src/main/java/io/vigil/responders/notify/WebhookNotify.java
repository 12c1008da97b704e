package io.vigil.responders.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.responders.action.ActionContext;
import io.vigil.responders.action.ActionException;
import io.vigil.responders.action.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts the case event as JSON to a webhook (a chat incoming-webhook, a ticketing or paging endpoint, or a
 * bridge to them), over the JDK's HTTP client given through the constructor. Each post carries the step's
 * idempotency key as {@code Idempotency-Key}, so a receiver that deduplicates sees a redelivered case once,
 * and an optional bearer token ({@code Authorization}). Answers 2xx are success; 408, 429 and 5xx, and
 * network errors, are retryable; other 4xx are permanent (a wrong URL or token will not heal).
 */
public final class WebhookNotify implements Notify {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI url;
    private final Optional<String> bearerToken;
    private final Duration timeout;

    public WebhookNotify(HttpClient http, URI url, Optional<String> bearerToken, Duration timeout) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook URL '" + url + "': expected http(s)");
        }
        this.http = http;
        this.url = url;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
    }

    /** The JSON body: the case event's fields, and one line for chat tools that show text only. */
    static String body(CaseEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("text", e.oneLine());
        n.put("case_id", e.caseId()).put("finding_id", e.findingId()).put("detector", e.detector()).put("severity", e.severity())
                .put("entity", e.entity()).put("summary", e.summary()).put("playbook", e.playbook());
        e.attack().forEach(n.putArray("attack")::add);
        e.stepsSoFar().forEach(n.putArray("steps")::add);
        return n.toString();
    }

    @Override
    public Outcome caseEvent(CaseEvent event, ActionContext ctx) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", ctx.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(event)));
        bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        String where = url.getScheme() + "://" + url.getAuthority() + url.getPath(); // never the query, which may hold a secret
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ActionException("posting case " + event.caseId() + " to " + where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException("posting case " + event.caseId() + " to " + where + ": interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            throw new ActionException("posting case " + event.caseId() + " to " + where + ": HTTP " + status, retryable, null);
        }
        return Outcome.executed("POST " + where + " (case event JSON, Idempotency-Key " + ctx.idempotencyKey() + "): HTTP " + status,
                Map.of("case_id", event.caseId(), "channel", "webhook:" + where, "http_status", String.valueOf(status)));
    }
}
