package dev.collector.crmbridge.auth;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS on the gRPC port, from PEM files.
 *
 * @param certificateChain the server's certificate first, then any intermediates (PEM)
 * @param privateKey       the server's key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 * @param clientCa         when present, the CA certificates (PEM) that client certificates must
 *                         chain to, and every client must present one
 */
public record ServerTls(Path certificateChain, Path privateKey, Optional<Path> clientCa) {

    public ServerTls {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCa, "clientCa");
    }

    public static ServerTls of(Path certificateChain, Path privateKey) {
        return new ServerTls(certificateChain, privateKey, Optional.empty());
    }

    public ServerTls withClientCa(Path clientCa) {
        return new ServerTls(certificateChain, privateKey, Optional.of(clientCa));
    }

    /** Whether clients must present a certificate. */
    public boolean requiresClientCertificates() {
        return clientCa.isPresent();
    }

    /**
     * @throws IllegalArgumentException naming the file that cannot be read or is not PEM
     */
    public ServerCredentials credentials() {
        readable(certificateChain, "certificate chain");
        readable(privateKey, "private key");
        clientCa.ifPresent(bundle -> readable(bundle, "client CA bundle"));
        TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder();
        try {
            builder.keyManager(certificateChain.toFile(), privateKey.toFile());
            if (clientCa.isPresent()) {
                builder.trustManager(clientCa.get().toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files " + this, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS files " + this + " are not usable PEM (the key must be"
                    + " unencrypted PKCS#8, 'BEGIN PRIVATE KEY'): " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static void readable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the " + what + " file " + file + " does not exist or cannot be read");
        }
    }
}
