package io.vigil.streams.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.kafka.common.config.types.Password;

/**
 * Checks {@code Authorization: Bearer <token>} headers against the configured token in constant time:
 * both sides are hashed first so neither the content nor the length of the expected token leaks through
 * how long a comparison takes. Holds only the token's digest; the token itself is never logged.
 */
final class BearerToken {
    private static final String PREFIX = "Bearer ";
    private final byte[] expected;

    BearerToken(Password token) {
        this.expected = sha256(token.value());
    }

    /** True when the header carries the token. */
    boolean accepts(String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? authorization.substring(PREFIX.length()).strip() : "";
        // Always compare, even when the header is missing, so a missing and a wrong token cost the same.
        return MessageDigest.isEqual(expected, sha256(presented)) && !presented.isEmpty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
