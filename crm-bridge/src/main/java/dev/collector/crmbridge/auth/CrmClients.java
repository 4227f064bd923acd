package dev.collector.crmbridge.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM clients configured on a node, and the lookups the {@link Authentication} interceptor
 * makes in them. No clients at all means "open": see {@link #BUILT_IN}.
 *
 * <p>The text form, one client per entry:
 * <pre>
 *   client-id:tenant-id:token-sha256=&lt;64 hex digits: SHA-256 of the bearer token&gt;
 *   client-id:tenant-id:cert-cn=&lt;common name of the client certificate's subject&gt;
 * </pre>
 * e.g. {@code crm-a:bank-a:token-sha256=9f86d081...} or {@code crm-b:bank-b:cert-cn=crm.bank-b.example}.
 * Ids may not contain {@code :}; the common name is the rest of the entry. A token's digest is
 * what {@code printf %s "$TOKEN" | sha256sum} prints. In a setting, entries are separated by
 * {@code ,}; in a file, one per line, blank lines and lines starting with {@code #} ignored.
 */
public final class CrmClients {

    /** The setting the clients are read from (the app also reads {@link #FILE_SETTING}). */
    public static final String SETTING = "collector.grpc.clients";
    public static final String FILE_SETTING = "collector.grpc.clients-file";
    /** The tenant of internal and demo work, and of cases whose campaign has no record. */
    public static final String DEFAULT_TENANT = "default";
    /** The caller of every call when no clients are configured (allowed on loopback only). */
    public static final Caller BUILT_IN = new Caller("local", DEFAULT_TENANT);

    private static final CrmClients NONE = new CrmClients(List.of());

    private final List<CrmClient> clients;

    private CrmClients(List<CrmClient> clients) {
        this.clients = List.copyOf(clients);
        Set<String> ids = new HashSet<>();
        for (CrmClient client : this.clients) {
            if (!ids.add(client.clientId())) {
                throw new IllegalArgumentException("CRM client " + client.clientId() + " is configured twice");
            }
        }
    }

    public static CrmClients none() {
        return NONE;
    }

    public static CrmClients of(List<CrmClient> clients) {
        return clients.isEmpty() ? NONE : new CrmClients(clients);
    }

    /** Entries separated by {@code ,} (see the class comment). */
    public static CrmClients parse(String entries) {
        List<CrmClient> clients = new ArrayList<>();
        for (String entry : entries.split(",")) {
            if (!entry.isBlank()) {
                clients.add(entry(entry.trim()));
            }
        }
        return of(clients);
    }

    /** One entry per line (see the class comment). */
    public static CrmClients read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRM clients file " + file, e);
        }
        List<CrmClient> clients = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                clients.add(entry(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return of(clients);
    }

    /** These clients and those. */
    public CrmClients and(CrmClients more) {
        List<CrmClient> all = new ArrayList<>(clients);
        all.addAll(more.clients);
        return of(all);
    }

    private static CrmClient entry(String entry) {
        String[] parts = entry.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + redacted(entry) + "' is not client-id:tenant-id:credential"
                    + " (e.g. crm-a:bank-a:token-sha256=<64 hex digits> or crm-b:bank-b:cert-cn=<common name>)");
        }
        String credential = parts[2].trim();
        ClientCredential parsed;
        if (credential.startsWith("token-sha256=")) {
            parsed = new ClientCredential.BearerToken(credential.substring("token-sha256=".length()));
        } else if (credential.startsWith("cert-cn=")) {
            parsed = new ClientCredential.CertificateSubject(credential.substring("cert-cn=".length()).trim());
        } else {
            throw new IllegalArgumentException("client " + parts[0].trim() + ": the credential is token-sha256=<64 hex"
                    + " digits> or cert-cn=<common name>, not '" + redacted(credential) + "'");
        }
        return new CrmClient(parts[0].trim(), parts[1].trim(), parsed);
    }

    /** Someone may paste a token where its digest belongs: an error message must not repeat it. */
    private static String redacted(String text) {
        int equals = text.indexOf('=');
        return equals < 0 ? text.replaceAll(".", "*") : text.substring(0, equals + 1) + "***";
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    public List<CrmClient> all() {
        return clients;
    }

    /** Whether some client authenticates by certificate (which needs TLS with a client CA). */
    public boolean anyByCertificate() {
        return clients.stream().anyMatch(c -> c.credential() instanceof ClientCredential.CertificateSubject);
    }

    /**
     * The client whose token this is. Every configured digest is compared, in constant time, so
     * how long the answer takes tells nothing about how close a guess came.
     */
    public Optional<CrmClient> byToken(String token) {
        byte[] digest = sha256(token);
        CrmClient match = null;
        for (CrmClient client : clients) {
            if (client.credential() instanceof ClientCredential.BearerToken bearer
                    && MessageDigest.isEqual(digest, bearer.digest()) && match == null) {
                match = client;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The client whose certificate has this subject common name. */
    public Optional<CrmClient> byCertificate(String commonName) {
        return clients.stream()
                .filter(c -> c.credential() instanceof ClientCredential.CertificateSubject subject
                        && subject.commonName().equals(commonName))
                .findFirst();
    }

    /** The SHA-256 of a token, in hex: what {@code token-sha256=} expects. */
    public static String sha256Hex(String token) {
        return java.util.HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return clients.isEmpty() ? "no CRM clients (open on loopback)"
                : clients.stream().map(c -> c.clientId() + "@" + c.tenantId()).toList().toString();
    }
}
