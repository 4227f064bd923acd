package dev.collector.caseloader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.caseloader.report.RejectsFile;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.LoadCasesRequest;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader as a user runs it, against a LoadCases server on loopback over real gRPC. */
class CaseLoaderEndToEndTest {

    static final String HEADER = "case_id,campaign_id,debtor_id,debtor_name,phone_numbers,claim_id,amount,currency,due_date";
    static final int ROWS = 2_500;

    @TempDir
    Path dir;
    static FakeCaseService service;
    static int port;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startServer() throws Exception {
        service = new FakeCaseService(-1);
        port = service.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        service.stop();
    }

    @BeforeEach
    void forgetEarlierLoads() {
        service.forget();
    }

    int run(Map<String, String> environment, String... args) {
        return new CaseLoaderMain(environment, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, Clock.systemUTC()).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * 2,500 rows; every fourth case has two claims. Case C50 has a date the loader cannot read,
     * C801 an amount it cannot read, and the second claim of C1600 a currency the server refuses.
     */
    static CallList callList() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        Map<String, Integer> badLines = new java.util.HashMap<>();
        int caseNumber = 0;
        while (lines.size() <= ROWS) {
            caseNumber++;
            int claims = caseNumber % 4 == 0 ? 2 : 1;
            for (int k = 1; k <= claims && lines.size() <= ROWS; k++) {
                String date = "2026-01-" + String.format("%02d", 1 + k);
                String amount = (caseNumber % 1000) + "." + String.format("%02d", k);
                String currency = "CZK";
                if (caseNumber == 50) {
                    date = "2026-02-30";
                } else if (caseNumber == 801) {
                    amount = "12.3.4";
                } else if (caseNumber == 1600 && k == 2) {
                    currency = "XXX";
                }
                if (caseNumber == 50 || caseNumber == 801 || (caseNumber == 1600 && k == 2)) {
                    badLines.put("C" + caseNumber, lines.size() + 1);
                }
                lines.add(String.join(",", "C" + caseNumber, "spring", "D" + caseNumber,
                        "\"Novak, Jan " + caseNumber + "\"", "+420601" + String.format("%06d", caseNumber),
                        "K" + caseNumber + "-" + k, amount, currency, date));
            }
        }
        return new CallList(String.join("\r\n", lines) + "\r\n", caseNumber, badLines);
    }

    record CallList(String text, int cases, Map<String, Integer> badLines) {
    }

    @Test
    void aFileWithSomeBadRowsLoadsTheRestAndNamesEachBadRowByLine() throws Exception {
        CallList callList = callList();
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, "\uFEFF" + callList.text());
        Path token = dir.resolve("token");
        Files.writeString(token, FakeCaseService.TOKEN + "\n");
        Path rejects = dir.resolve("rejects.csv");

        int exit = run(Map.of(), "--target", "127.0.0.1:" + port, "--token-file", token.toString(),
                "--batch-size", "100", "--in-flight", "4", "--rejects", rejects.toString(), csv.toString());

        assertThat(exit).as(err()).isEqualTo(CaseLoaderMain.SOME_REJECTED);
        int accepted = callList.cases() - 3;
        assertThat(service.admitted).hasSize(accepted);
        assertThat(service.admitted.stream().mapToInt(Case::getClaimsCount).sum()).isEqualTo(ROWS - 4); // 3 bad rows and the first claim of C1600
        assertThat(out()).contains(String.format("rows read:      %,d", ROWS))
                .contains(String.format("cases accepted: %,d", accepted))
                .contains("cases rejected: 3")
                .containsPattern("INVALID +1")
                .containsPattern("UNPARSEABLE +2");

        int line50 = callList.badLines().get("C50");
        int line801 = callList.badLines().get("C801");
        int line1600 = callList.badLines().get("C1600");
        assertThat(Files.readAllLines(rejects)).containsExactly(
                RejectsFile.HEADER,
                line50 + ",C50,due_date,UNPARSEABLE,due_date '2026-02-30' is not a date YYYY-MM-DD",
                line801 + ",C801,amount,UNPARSEABLE,"
                        + "\"amount '12.3.4' is not a decimal number such as 1234.50 (a '.' for the decimal point, no grouping)\"",
                line1600 + ",C1600,currency,INVALID,not a currency of this campaign");
        assertThat(out()).contains("  " + line50 + ", C50, due_date, UNPARSEABLE: due_date '2026-02-30'")
                .contains("  " + line1600 + ", C1600, currency, INVALID: not a currency of this campaign");

        List<LoadCasesRequest> batches = service.batches;
        assertThat(batches).allSatisfy(b -> assertThat(b.getCasesCount()).isBetween(1, 100));
        assertThat(new HashSet<>(batches.stream().map(LoadCasesRequest::getBatchId).toList())).hasSize(batches.size());
        assertThat(service.mostUnacknowledged.get()).isBetween(1, 4);
    }

    @Test
    void everyCaseAcceptedExitsZeroAndTheTokenMayComeFromTheEnvironment() throws Exception {
        Path csv = dir.resolve("good.csv");
        Files.writeString(csv, "case_id;campaign_id;debtor_id;debtor_name;phone_numbers;claim_id;amount;currency;due_date\n"
                + "A1;spring;D1;\"Jan; Novak\";+420601000001|+420601000002;K1;10.00;EUR;2026-01-01\n"
                + "A1;;;;;K2;0.5;EUR;2026-01-02\n"
                + "A2;spring;D2;Eva;+420601000003;K3;1;EUR;2026-01-03\n");

        int exit = run(Map.of(CaseLoaderMain.TOKEN_VARIABLE, FakeCaseService.TOKEN), "--target=127.0.0.1:" + port,
                csv.toString());

        assertThat(exit).as(err()).isEqualTo(CaseLoaderMain.ALL_ACCEPTED);
        assertThat(service.admitted).extracting(Case::getCaseId).containsExactly("A1", "A2");
        assertThat(service.admitted.peek().getClaims(1).getAmountDue().getNanos()).isEqualTo(500_000_000);
        assertThat(out()).contains("cases accepted: 2").contains("cases rejected: 0");
    }

    @Test
    void aMissingOrWrongTokenFailsWithTheServersStatusAndExitsOne() throws Exception {
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, callList().text());

        int withoutToken = run(Map.of(), "--target", "127.0.0.1:" + port, csv.toString());

        assertThat(withoutToken).isEqualTo(CaseLoaderMain.FAILED);
        assertThat(err()).contains("failed: UNAUTHENTICATED: missing or invalid bearer token")
                .contains("--token-file FILE or COLLECTOR_TOKEN");
        err.reset();

        int wrongToken = run(Map.of(CaseLoaderMain.TOKEN_VARIABLE, "guess"), "--target", "127.0.0.1:" + port,
                csv.toString());

        assertThat(wrongToken).isEqualTo(CaseLoaderMain.FAILED);
        assertThat(err()).contains("UNAUTHENTICATED: missing or invalid bearer token");
        assertThat(service.admitted).isEmpty();
    }

    @Test
    void aTokenOnTheCommandLineIsRefusedBecauseItWouldShowInPs() {
        int exit = run(Map.of(), "--token", "secret", "cases.csv");

        assertThat(exit).isEqualTo(CaseLoaderMain.FAILED);
        assertThat(err()).contains("--token is not accepted").doesNotContain("secret");
    }

    @Test
    void noServerAtTheTargetFailsWithUnavailable() throws Exception {
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, callList().text());
        FakeCaseService gone = new FakeCaseService(-1);
        int closedPort = gone.start();
        gone.stop();

        int exit = run(Map.of(), "--target", "127.0.0.1:" + closedPort, csv.toString());

        assertThat(exit).isEqualTo(CaseLoaderMain.FAILED);
        assertThat(err()).contains("failed: UNAVAILABLE").contains("is Collector running at 127.0.0.1:" + closedPort);
    }

    @Test
    void aStreamThatBreaksOffReportsWhatWasAcknowledgedBeforeAndExitsOne() throws Exception {
        FakeCaseService failing = new FakeCaseService(3);
        int failingPort = failing.start();
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, callList().text());
        try {
            int exit = run(Map.of(CaseLoaderMain.TOKEN_VARIABLE, FakeCaseService.TOKEN),
                    "--target", "127.0.0.1:" + failingPort, "--batch-size", "100", csv.toString());

            assertThat(exit).isEqualTo(CaseLoaderMain.FAILED);
            assertThat(err()).contains("failed: UNAVAILABLE: call list unreachable")
                    .contains("acknowledged before stay admitted");
            assertThat(out()).contains("cases accepted: " + failing.admitted.size());
            assertThat(failing.admitted).hasSize(300); // three batches of 100, none rejected
        } finally {
            failing.stop();
        }
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedBeforeConnecting() throws Exception {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "id,name,phone\n1,Jan,+420601000001\n");

        int exit = run(Map.of(), "--target", "127.0.0.1:" + port, csv.toString());

        assertThat(exit).isEqualTo(CaseLoaderMain.FAILED);
        assertThat(err()).contains("lacks column(s) case_id, campaign_id");
        assertThat(service.batches).isEmpty();
    }

    @Test
    void overTlsTheServerIsTrustedThroughTheCaFile() throws Exception {
        // a self-signed certificate for 127.0.0.1, made by the JDK's keytool
        Path keystore = dir.resolve("server.p12");
        Path caFile = dir.resolve("ca.pem");
        char[] password = "changeit".toCharArray();
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", caFile.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        FakeCaseService tlsService = new FakeCaseService(-1);
        int tlsPort = tlsService.start(TlsServerCredentials.newBuilder().keyManager(keyManagers.getKeyManagers()).build());
        Path csv = dir.resolve("good.csv");
        Files.writeString(csv, HEADER + "\nT1,spring,D1,Jan,+420601000001,K1,10.00,EUR,2026-01-01\n");
        try {
            int overTls = run(Map.of(CaseLoaderMain.TOKEN_VARIABLE, FakeCaseService.TOKEN),
                    "--target", "127.0.0.1:" + tlsPort, "--ca-file", caFile.toString(), csv.toString());

            assertThat(overTls).as(err()).isEqualTo(CaseLoaderMain.ALL_ACCEPTED);
            assertThat(tlsService.admitted).extracting(Case::getCaseId).containsExactly("T1");
            assertThat(err()).doesNotContain("without TLS");

            int trustingNobody = run(Map.of(CaseLoaderMain.TOKEN_VARIABLE, FakeCaseService.TOKEN),
                    "--target", "127.0.0.1:" + tlsPort, "--tls", csv.toString());

            assertThat(trustingNobody).isEqualTo(CaseLoaderMain.FAILED);
            assertThat(err()).contains("failed: UNAVAILABLE");
        } finally {
            tlsService.stop();
        }
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).contains("--target HOST:PORT").contains("localhost:9090").contains("COLLECTOR_TOKEN");
    }
}
