package dev.collector.crmbridge.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA, a server certificate for localhost/127.0.0.1 and client certificates signed by
 * it, plus one self-signed stranger, made with the JDK's keytool at test time; written as PEM
 * files the way an operator would configure them (keys as unencrypted PKCS#8). Published in this
 * module's test-jar for other modules' TLS tests (console's HTTPS).
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";

    public final Path caCertificate;
    public final Identity server;
    /** Signed by the CA, CN=crm-a.example. */
    final Identity clientA;
    /** Signed by the CA, CN=crm-unknown.example: trusted, but no configured client has it. */
    final Identity unknownClient;
    /** Self-signed, CN=crm-a.example: names a client but no one vouches for it. */
    final Identity stranger;

    /** A certificate (PEM) and its private key (PKCS#8 PEM). */
    public record Identity(Path certificate, Path privateKey) {
    }

    private TestCertificates(Path dir) throws Exception {
        keytool(dir, "-genkeypair", "-alias", "ca", "-keystore", "ca.p12", "-dname", "CN=Collector Test CA",
                "-ext", "bc:c");
        caCertificate = pem(dir, "ca", "ca");
        // Each in a copy of the CA's keystore (keytool signs with a key of the same store), side by side.
        CompletableFuture<Identity> serverIdentity = CompletableFuture.supplyAsync(() -> issued(dir, "server",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "EKU=serverAuth"));
        CompletableFuture<Identity> clientIdentity = CompletableFuture.supplyAsync(() -> issued(dir, "client-a",
                "CN=crm-a.example", "-ext", "EKU=clientAuth"));
        CompletableFuture<Identity> unknownIdentity = CompletableFuture.supplyAsync(() -> issued(dir, "client-x",
                "CN=crm-unknown.example", "-ext", "EKU=clientAuth"));
        CompletableFuture<Identity> strangerIdentity = CompletableFuture.supplyAsync(() -> issued(dir, "stranger",
                "CN=crm-a.example"));
        server = serverIdentity.get(60, TimeUnit.SECONDS);
        clientA = clientIdentity.get(60, TimeUnit.SECONDS);
        unknownClient = unknownIdentity.get(60, TimeUnit.SECONDS);
        stranger = strangerIdentity.get(60, TimeUnit.SECONDS);
    }

    public static TestCertificates createIn(Path dir) throws Exception {
        return new TestCertificates(dir);
    }

    /** Signed by the CA, unless it is the stranger, which signs its own. */
    private static Identity issued(Path dir, String name, String subject, String... extensions) {
        try {
            String store = name + ".p12";
            List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keystore", store,
                    "-dname", subject));
            if (!name.equals("stranger")) {
                Files.copy(dir.resolve("ca.p12"), dir.resolve(store));
                args.addAll(List.of("-signer", "ca", "-signerkeypass", PASSWORD));
            }
            args.addAll(List.of(extensions));
            keytool(dir, args.toArray(String[]::new));
            return new Identity(pem(dir, store, name), privateKey(dir, store, name));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate " + name, e);
        }
    }

    private static KeyStore load(Path dir, String store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store.endsWith(".p12") ? store : store + ".p12"))) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return keyStore;
    }

    private static Path pem(Path dir, String store, String alias) throws Exception {
        Certificate certificate = load(dir, store).getCertificate(alias);
        return write(dir.resolve(alias + ".pem"), "CERTIFICATE", certificate.getEncoded());
    }

    private static Path privateKey(Path dir, String store, String alias) throws Exception {
        PrivateKey key = (PrivateKey) load(dir, store).getKey(alias, PASSWORD.toCharArray());
        return write(dir.resolve(alias + "-key.pem"), "PRIVATE KEY", key.getEncoded());
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
