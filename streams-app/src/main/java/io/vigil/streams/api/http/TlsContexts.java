package io.vigil.streams.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * The API's one {@link SSLContext}, from its keystore and truststore: the server presents the keystore's
 * certificate and checks client certificates against the truststore; forwarding to another instance
 * presents the same certificate and trusts the same certificates. Without a truststore, the keystore's
 * own certificate is trusted (instances sharing one certificate, the usual Kubernetes secret).
 */
final class TlsContexts {
    private TlsContexts() {}

    static SSLContext of(ApiSettings.Tls tls) {
        try {
            KeyStore keys = load(tls.keystore(), tls.type(), tls.keystorePassword().value().toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, tls.keystorePassword().value().toCharArray());
            KeyStore trusted = tls.truststore().isPresent()
                    ? load(tls.truststore().get(), tls.type(), tls.truststorePassword().map(p -> p.value().toCharArray()).orElse(null))
                    : keys;
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            // The message names the file and the failure, never a password.
            throw new ConfigException(ApiSettings.KEYSTORE, tls.keystore().toString(), "cannot load the TLS key material: " + e.getMessage());
        }
    }

    private static KeyStore load(Path file, String type, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
