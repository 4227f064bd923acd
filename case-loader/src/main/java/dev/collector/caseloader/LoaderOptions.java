package dev.collector.caseloader;

import dev.collector.caseloader.load.LoadingCases;
import java.nio.file.Path;
import java.util.Optional;

/** The loader's command line. */
record LoaderOptions(Path file, String target, Optional<Path> tokenFile, boolean tls, Optional<Path> caFile,
                     Optional<Character> delimiter, int batchSize, int maxInFlight, Optional<Path> rejects,
                     boolean help) {

    /** Where the app's gRPC server listens unless collector.grpc.port says otherwise. */
    static final String DEFAULT_TARGET = "localhost:9090";
    static final int DEFAULT_BATCH_SIZE = 500;
    static final int DEFAULT_IN_FLIGHT = 4;

    static final String USAGE = """
            Usage: load-cases [options] FILE.csv     (FILE "-" reads standard input)

            Loads a call list exported as CSV into Collector (CaseService/LoadCases).

            Options:
              --target HOST:PORT   the Collector gRPC server (default %s)
              --token-file FILE    read the bearer token from FILE (else from env COLLECTOR_TOKEN)
              --tls                connect over TLS (system trust store unless --ca-file)
              --ca-file FILE       PEM bundle of the CAs to trust; implies --tls
              --delimiter C        the field delimiter, ',' or ';' (default: whichever the header uses)
              --batch-size N       cases per batch, 1 to %d (default %d)
              --in-flight N        batches sent ahead of acknowledgements (default %d)
              --rejects FILE       also write the rejected rows to FILE as CSV
              --help               show this help

            Exit status: 0 every case accepted, 2 some rows rejected, 1 failure.
            The CSV format is described in case-loader/README.md.
            """.formatted(DEFAULT_TARGET, LoadingCases.MAX_BATCH_SIZE, DEFAULT_BATCH_SIZE, DEFAULT_IN_FLIGHT);

    static LoaderOptions parse(String[] args) throws UsageException {
        Path file = null;
        String target = DEFAULT_TARGET;
        Optional<Path> tokenFile = Optional.empty();
        boolean tls = false;
        Optional<Path> caFile = Optional.empty();
        Optional<Character> delimiter = Optional.empty();
        int batchSize = DEFAULT_BATCH_SIZE;
        int inFlight = DEFAULT_IN_FLIGHT;
        Optional<Path> rejects = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    return new LoaderOptions(Path.of(""), target, tokenFile, tls, caFile, delimiter, batchSize,
                            inFlight, rejects, true);
                case "--tls":
                    tls = true;
                    break;
                case "--target":
                    target = inline != null ? inline : value(args, ++i, name);
                    break;
                case "--token-file":
                    tokenFile = Optional.of(Path.of(inline != null ? inline : value(args, ++i, name)));
                    break;
                case "--ca-file":
                    caFile = Optional.of(Path.of(inline != null ? inline : value(args, ++i, name)));
                    tls = true;
                    break;
                case "--delimiter":
                    delimiter = delimiter(inline != null ? inline : value(args, ++i, name));
                    break;
                case "--batch-size":
                    batchSize = number(inline != null ? inline : value(args, ++i, name), name, 1,
                            LoadingCases.MAX_BATCH_SIZE);
                    break;
                case "--in-flight":
                    inFlight = number(inline != null ? inline : value(args, ++i, name), name, 1, 64);
                    break;
                case "--rejects":
                    rejects = Optional.of(Path.of(inline != null ? inline : value(args, ++i, name)));
                    break;
                case "--token":
                    throw new UsageException("--token is not accepted: a token on the command line shows in ps;"
                            + " use --token-file FILE or the environment variable COLLECTOR_TOKEN");
                default:
                    if (arg.startsWith("-") && !arg.equals("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new UsageException("one file at a time (got " + file + " and " + arg + ")");
                    }
                    file = Path.of(arg);
            }
        }
        if (file == null) {
            throw new UsageException("which file? (load-cases --help)");
        }
        if (!target.matches(".+:\\d+") && !target.contains("///")) {
            throw new UsageException("--target wants HOST:PORT, not '" + target + "'");
        }
        return new LoaderOptions(file, target, tokenFile, tls, caFile, delimiter, batchSize, inFlight, rejects,
                false);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " wants a value");
        }
        return args[index];
    }

    private static Optional<Character> delimiter(String value) throws UsageException {
        switch (value) {
            case ",":
            case "comma":
                return Optional.of(',');
            case ";":
            case "semicolon":
                return Optional.of(';');
            case "auto":
                return Optional.empty();
            default:
                throw new UsageException("--delimiter is ',' or ';' (or auto), not '" + value + "'");
        }
    }

    private static int number(String value, String option, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(option + " must be " + min + " to " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " wants a whole number, not '" + value + "'");
        }
    }
}
