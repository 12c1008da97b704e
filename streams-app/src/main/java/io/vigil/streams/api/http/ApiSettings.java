package io.vigil.streams.api.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the baseline API, declared once in {@link #CONFIG} and validated by {@link #from}: where
 * it listens, the address other instances reach it at, TLS and the bearer token.
 *
 * <p>The baseline is a map of the estate an attacker would love, so the rule is enforced here, before
 * anything listens: loopback needs nothing; any other address needs TLS and a client credential (a
 * bearer token, client certificates, or both). The token never comes from the command line (it would
 * show in {@code ps}): from {@value #TOKEN_FILE} or the {@value #TOKEN_ENV} environment variable.
 *
 * @param token the bearer token requests must present, if any (never logged: {@link Password} hides it)
 */
public record ApiSettings(String bind, int port, String advertisedHost, int forwardTimeoutMillis, Optional<Tls> tls, Optional<Password> token) {
    /** The environment variable holding the bearer token. */
    public static final String TOKEN_ENV = "VIGIL_API_TOKEN";
    private static final String P = "vigil.api.";
    public static final String BIND = P + "bind";
    public static final String PORT = P + "port";
    public static final String ADVERTISED_HOST = P + "advertised.host";
    public static final String FORWARD_TIMEOUT_MS = P + "forward.timeout.ms";
    public static final String KEYSTORE = P + "tls.keystore.location";
    public static final String KEYSTORE_PASSWORD = P + "tls.keystore.password";
    public static final String KEYSTORE_TYPE = P + "tls.keystore.type";
    public static final String TRUSTSTORE = P + "tls.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = P + "tls.truststore.password";
    public static final String CLIENT_AUTH = P + "tls.client.auth";
    public static final String TOKEN_FILE = P + "token.file";
    public static final int DEFAULT_PORT = 9404;

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BIND, Type.STRING, "127.0.0.1", Importance.HIGH,
                    "Address the baseline API listens on. Loopback needs nothing more; any other address needs TLS and a token or client certificates.")
            .define(PORT, Type.INT, DEFAULT_PORT, Range.between(0, 65535), Importance.HIGH, "Port of the baseline API; 0: no API.")
            .define(ADVERTISED_HOST, Type.STRING, null, Importance.MEDIUM,
                    "Host name other streams instances reach this one's API at (Kafka Streams application.server). Default: the bind address, or this machine's name when bound to a wildcard.")
            .define(FORWARD_TIMEOUT_MS, Type.INT, 5000, Range.atLeast(100), Importance.LOW,
                    "How long a request forwarded to the instance owning a key may take.")
            .define(KEYSTORE, Type.STRING, null, Importance.HIGH, "Keystore (PKCS12 or JKS) with the API's TLS key and certificate; set, the API speaks HTTPS only.")
            .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.HIGH, "Password of the keystore and of its key.")
            .define(KEYSTORE_TYPE, Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"), Importance.LOW, "Type of the keystore and truststore.")
            .define(TRUSTSTORE, Type.STRING, null, Importance.MEDIUM,
                    "Certificates trusted for client certificates (mTLS) and for the other instances' APIs when forwarding. Default: the keystore's own certificate.")
            .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the truststore.")
            .define(CLIENT_AUTH, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Require a client certificate signed by a truststore certificate (mTLS); forwarding presents the keystore's.")
            .define(TOKEN_FILE, Type.STRING, null, Importance.HIGH,
                    "File holding the bearer token requests must present (Authorization: Bearer ...). Or the " + TOKEN_ENV + " environment variable; never a command-line argument.");

    /** TLS material: the server's keystore, what it trusts, and whether clients must present certificates. */
    public record Tls(Path keystore, Password keystorePassword, String type, Optional<Path> truststore, Optional<Password> truststorePassword,
                      boolean clientAuth) {}

    public ApiSettings {
        if (bind == null || bind.isBlank() || port < 0 || port > 65535 || forwardTimeoutMillis < 1) {
            throw new IllegalArgumentException("invalid baseline API settings");
        }
    }

    /** Loopback, no TLS, no token, on {@code port}: what tests and a one-machine setup use. */
    public static ApiSettings loopback(int port) {
        return from(Map.of(PORT, port), name -> null);
    }

    /**
     * Reads the {@code vigil.api.*} keys of a property map (others are ignored) and the token
     * environment variable through {@code env}; throws ConfigException on a bad value or an unsafe
     * combination (a non-loopback bind without TLS and a client credential).
     */
    public static ApiSettings from(Map<String, ?> props, Function<String, String> env) {
        Map<String, Object> mine = new HashMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(P)) {
                mine.put(k, v);
            }
        });
        AbstractConfig c = new AbstractConfig(CONFIG, mine, false);
        String bind = c.getString(BIND);
        Optional<Tls> tls = Optional.ofNullable(c.getString(KEYSTORE)).map(k -> tls(c, k));
        Optional<Password> token = token(c.getString(TOKEN_FILE), env.apply(TOKEN_ENV));
        if (!loopback(bind) && (tls.isEmpty() || token.isEmpty() && !tls.get().clientAuth())) {
            throw new ConfigException(BIND, bind, "the baseline API reveals the estate's baseline: bound to a non-loopback address it needs TLS ("
                    + KEYSTORE + ") and a bearer token (" + TOKEN_FILE + " or " + TOKEN_ENV + ") or client certificates (" + CLIENT_AUTH + "=true)");
        }
        String advertised = c.getString(ADVERTISED_HOST);
        return new ApiSettings(bind, c.getInt(PORT), advertised != null ? advertised : advertisedFor(bind), c.getInt(FORWARD_TIMEOUT_MS), tls, token);
    }

    public boolean enabled() {
        return port > 0;
    }

    /** {@code host:port} for Kafka Streams' {@code application.server}: how other instances reach this API. */
    public String applicationServer() {
        return advertisedHost + ":" + port;
    }

    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    private static Tls tls(AbstractConfig c, String keystore) {
        Path path = Path.of(keystore);
        if (!Files.isReadable(path)) {
            throw new ConfigException(KEYSTORE, keystore, "not a readable file");
        }
        Password password = c.getPassword(KEYSTORE_PASSWORD);
        if (password == null) {
            throw new ConfigException(KEYSTORE_PASSWORD, null, "a keystore needs its password");
        }
        Optional<Path> trust = Optional.ofNullable(c.getString(TRUSTSTORE)).map(Path::of);
        if (trust.isPresent() && !Files.isReadable(trust.get())) {
            throw new ConfigException(TRUSTSTORE, trust.get().toString(), "not a readable file");
        }
        return new Tls(path, password, c.getString(KEYSTORE_TYPE), trust, Optional.ofNullable(c.getPassword(TRUSTSTORE_PASSWORD)), c.getBoolean(CLIENT_AUTH));
    }

    private static Optional<Password> token(String file, String fromEnv) {
        if (file != null && fromEnv != null && !fromEnv.isEmpty()) {
            throw new ConfigException(TOKEN_FILE, file, "give the token either in a file or in " + TOKEN_ENV + ", not both");
        }
        String value = fromEnv;
        if (file != null) {
            try {
                value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ConfigException(TOKEN_FILE, file, "cannot read the token file: " + e.getClass().getSimpleName());
            }
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        // A guessable token on a map of the estate is no protection; 16 characters is the floor.
        if (value.length() < 16) {
            throw new ConfigException(file != null ? TOKEN_FILE : TOKEN_ENV, "(hidden)", "the bearer token must be at least 16 characters");
        }
        return Optional.of(new Password(value));
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(BIND, bind, "not an address of this machine");
        }
    }

    private static String advertisedFor(String bind) {
        try {
            InetAddress a = InetAddress.getByName(bind);
            return a.isAnyLocalAddress() ? InetAddress.getLocalHost().getCanonicalHostName() : bind;
        } catch (UnknownHostException e) {
            throw new ConfigException(ADVERTISED_HOST, null, "cannot work out this machine's name; set " + ADVERTISED_HOST);
        }
    }
}
