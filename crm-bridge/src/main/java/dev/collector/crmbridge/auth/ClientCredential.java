package dev.collector.crmbridge.auth;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** How a CRM client proves who it is. */
public sealed interface ClientCredential {

    /**
     * A bearer token, of which only the SHA-256 digest is configured and kept: the token itself
     * never has to be written into the configuration.
     *
     * @param sha256Hex 64 hexadecimal digits, e.g. the output of {@code printf %s "$TOKEN" | sha256sum}
     */
    record BearerToken(String sha256Hex) implements ClientCredential {

        public BearerToken {
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            sha256Hex = sha256Hex.trim().toLowerCase(Locale.ROOT);
            if (!sha256Hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a token's SHA-256 is 64 hexadecimal digits, not "
                        + sha256Hex.length() + " characters");
            }
        }

        byte[] digest() {
            return HexFormat.of().parseHex(sha256Hex);
        }
    }

    /**
     * A client certificate, trusted by the configured client CA bundle, whose subject's common
     * name is this one.
     */
    record CertificateSubject(String commonName) implements ClientCredential {

        public CertificateSubject {
            Objects.requireNonNull(commonName, "commonName");
            if (commonName.isBlank()) {
                throw new IllegalArgumentException("a certificate's common name (CN) must not be blank");
            }
        }
    }
}
