package io.vigil.responders.notify;

import java.net.URI;
import java.util.Optional;

/** Where case events are posted, and the bearer token to send (from a file or the environment, never a command line). */
public record Webhook(URI url, Optional<String> bearerToken) {}
