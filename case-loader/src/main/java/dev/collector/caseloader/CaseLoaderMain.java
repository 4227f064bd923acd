package dev.collector.caseloader;

import dev.collector.caseloader.csv.CallListReader;
import dev.collector.caseloader.csv.CsvReader;
import dev.collector.caseloader.csv.MalformedHeaderException;
import dev.collector.caseloader.load.Connection;
import dev.collector.caseloader.load.LoadingCases;
import dev.collector.caseloader.report.LoadSummary;
import dev.collector.caseloader.report.LoadTally;
import dev.collector.caseloader.report.Progress;
import dev.collector.caseloader.report.RejectsFile;
import dev.collector.caseloader.report.SummaryText;
import dev.collector.protos.v1.CaseServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** load-cases: streams a CRM's CSV call list into Collector and reports what was refused. */
public final class CaseLoaderMain {

    public static final int ALL_ACCEPTED = 0;
    public static final int FAILED = 1;
    public static final int SOME_REJECTED = 2;

    static final String TOKEN_VARIABLE = "COLLECTOR_TOKEN";
    private static final int ROWS_LISTED = 50;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;

    CaseLoaderMain(Map<String, String> environment, InputStream stdin, PrintStream out, PrintStream err,
                   boolean terminal, Clock clock) {
        this.environment = environment;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CaseLoaderMain(System.getenv(), System.in, System.out, System.err,
                System.console() != null, Clock.systemUTC()).run(args));
    }

    int run(String[] args) {
        LoaderOptions options;
        Connection connection;
        try {
            options = LoaderOptions.parse(args);
            if (options.help()) {
                out.print(LoaderOptions.USAGE);
                return ALL_ACCEPTED;
            }
            connection = new Connection(options.target(), options.tls(), options.caFile(), token(options));
        } catch (UsageException e) {
            err.println("load-cases: " + e.getMessage());
            return FAILED;
        }
        if (connection.token().isPresent() && !connection.tls() && !isLoopback(options.target())) {
            err.println("load-cases: warning: sending the token to " + options.target()
                    + " without TLS (--tls, --ca-file)");
        }
        boolean fromStdin = options.file().toString().equals("-");
        String fileName = fromStdin ? "standard input" : options.file().toString();
        CountingInputStream input;
        long fileSize;
        try {
            input = new CountingInputStream(fromStdin ? stdin : Files.newInputStream(options.file()));
            fileSize = fromStdin ? 0 : Files.size(options.file());
        } catch (NoSuchFileException e) {
            err.println("load-cases: no such file: " + fileName);
            return FAILED;
        } catch (IOException e) {
            err.println("load-cases: cannot read " + fileName + ": " + e);
            return FAILED;
        }
        try (CallListReader reader = openCallList(input, options.delimiter())) {
            if (!reader.ignoredColumns().isEmpty()) {
                err.println("load-cases: ignoring column(s) " + String.join(", ", reader.ignoredColumns()));
            }
            return load(options, connection, reader, input, fileSize, fileName);
        } catch (MalformedHeaderException e) {
            err.println("load-cases: " + fileName + ": " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("load-cases: cannot read " + fileName + ": " + e);
            return FAILED;
        }
    }

    private int load(LoaderOptions options, Connection connection, CallListReader reader,
                     CountingInputStream input, long fileSize, String fileName) throws IOException {
        ManagedChannel channel = connection.open();
        LoadTally tally = new LoadTally();
        Progress progress = new Progress(input::count, fileSize, clock, err, terminal,
                terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5));
        Optional<Status> failure;
        Optional<String> readFailure = Optional.empty();
        progress.start();
        try {
            LoadingCases loading = new LoadingCases(CaseServiceGrpc.newStub(channel),
                    new LoadingCases.Settings(options.batchSize(), options.maxInFlight()), tally, progress);
            failure = loading.load(reader);
        } catch (CharacterCodingException e) {
            failure = Optional.empty();
            readFailure = Optional.of(fileName + " is not UTF-8 text (after data row " + reader.rowsRead()
                    + "); export it as UTF-8");
        } catch (IOException e) {
            failure = Optional.empty();
            readFailure = Optional.of("cannot read " + fileName + " on after data row " + reader.rowsRead() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of(Status.CANCELLED.withDescription("interrupted"));
        } finally {
            progress.close();
            channel.shutdownNow();
        }
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        LoadSummary summary = tally.summary();
        SummaryText.print(summary, ROWS_LISTED, out);
        out.flush();
        if (options.rejects().isPresent()) {
            try {
                RejectsFile.write(options.rejects().get(), summary.rejectedRows());
                out.println("rejected rows written to " + options.rejects().get());
            } catch (IOException e) {
                err.println("load-cases: cannot write " + options.rejects().get() + ": " + e);
                return FAILED;
            }
        }
        if (readFailure.isPresent()) {
            err.println("load-cases: " + readFailure.get());
            afterFailure(summary).ifPresent(err::println);
            return FAILED;
        }
        if (failure.isPresent()) {
            err.println("load-cases: failed: " + describe(failure.get()));
            hint(failure.get(), options).ifPresent(hint -> err.println("load-cases: " + hint));
            afterFailure(summary).ifPresent(err::println);
            return FAILED;
        }
        return summary.rejectedCases() == 0 ? ALL_ACCEPTED : SOME_REJECTED;
    }

    private static CallListReader openCallList(InputStream input, Optional<Character> delimiter)
            throws IOException, MalformedHeaderException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return CallListReader.open(CsvReader.open(new InputStreamReader(input, decoder), delimiter));
    }

    private Optional<String> token(LoaderOptions options) throws UsageException {
        if (options.tokenFile().isPresent()) {
            Path file = options.tokenFile().get();
            try {
                String token = Files.readString(file).strip();
                if (token.isEmpty()) {
                    throw new UsageException("the token file " + file + " is empty");
                }
                return Optional.of(token);
            } catch (IOException e) {
                throw new UsageException("cannot read the token file " + file + ": " + e.getMessage());
            }
        }
        return Optional.ofNullable(environment.get(TOKEN_VARIABLE)).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The status as gRPC names it, e.g. "UNAUTHENTICATED: missing bearer token". */
    static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().name());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        if (status.getCause() != null) {
            Throwable root = status.getCause();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            text.append(" (").append(root.getMessage() != null ? root.getMessage() : root.toString()).append(')');
        }
        return text.toString();
    }

    private static Optional<String> hint(Status status, LoaderOptions options) {
        switch (status.getCode()) {
            case UNAUTHENTICATED:
                return Optional.of("the server wants a valid bearer token: --token-file FILE or " + TOKEN_VARIABLE);
            case PERMISSION_DENIED:
                return Optional.of("the token is not allowed to load cases");
            case UNAVAILABLE:
                return Optional.of("is Collector running at " + options.target() + ", and does it expect "
                        + (options.tls() ? "plaintext (drop --tls)?" : "TLS (--tls, --ca-file)?"));
            case RESOURCE_EXHAUSTED:
                return Optional.of("at most 5,000,000 cases per load: split the file");
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> afterFailure(LoadSummary summary) {
        if (summary.acceptedCases() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("load-cases: the %,d case(s) acknowledged before stay admitted; loading"
                + " the file again is safe (a case sent again replaces itself)", summary.acceptedCases()));
    }

    private static boolean isLoopback(String target) {
        String host = target.substring(0, Math.max(0, target.lastIndexOf(':')));
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
