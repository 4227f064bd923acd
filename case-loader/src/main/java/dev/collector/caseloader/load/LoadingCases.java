package dev.collector.caseloader.load;

import dev.collector.caseloader.csv.CallListEntry;
import dev.collector.caseloader.csv.CallListReader;
import dev.collector.caseloader.csv.CaseLines;
import dev.collector.caseloader.csv.RowProblem;
import dev.collector.caseloader.report.LoadTally;
import dev.collector.caseloader.report.Progress;
import dev.collector.caseloader.report.RejectedRow;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.LoadCasesRequest;
import io.grpc.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loading a call list: reads the file case by case, refuses locally what cannot be read, and
 * streams the rest to CaseService/LoadCases in batches.
 */
public final class LoadingCases {

    /** The server takes at most 1000 cases per batch. */
    public static final int MAX_BATCH_SIZE = 1000;
    // The server's limit is 4 MiB per batch; this leaves room for the envelope.
    static final int MAX_BATCH_BYTES = 3_500_000;

    public record Settings(int batchSize, int maxInFlight) {
        public Settings {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batch size must be 1 to " + MAX_BATCH_SIZE + ", not " + batchSize);
            }
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("batches in flight must be at least 1, not " + maxInFlight);
            }
        }
    }

    private final CaseServiceGrpc.CaseServiceStub stub;
    private final Settings settings;
    private final LoadTally tally;
    private final Progress progress;

    public LoadingCases(CaseServiceGrpc.CaseServiceStub stub, Settings settings, LoadTally tally, Progress progress) {
        this.stub = stub;
        this.settings = settings;
        this.tally = tally;
        this.progress = progress;
    }

    /**
     * Loads every case of the reader on one stream.
     *
     * @return empty when the stream ended normally (every batch acknowledged), else the status it
     *         failed with; the tally holds what was acknowledged either way
     * @throws IOException when the file could not be read on; the stream is cancelled then
     */
    public Optional<Status> load(CallListReader reader) throws IOException, InterruptedException {
        BatchStream stream = new BatchStream(settings.maxInFlight(), tally, progress);
        stub.loadCases(stream);
        Batch batch = new Batch();
        try {
            Optional<CallListEntry> entry;
            while ((entry = reader.next()).isPresent()) {
                tally.rowsRead(reader.rowsRead());
                if (entry.get() instanceof CallListEntry.Unparseable bad) {
                    tally.rejectedCase(RejectedRow.UNPARSEABLE, bad.problems().stream().map(LoadingCases::rejected).toList());
                    continue;
                }
                CallListEntry.Parsed parsed = (CallListEntry.Parsed) entry.get();
                int size = parsed.value().getSerializedSize();
                if (!batch.isEmpty() && batch.bytes + size > MAX_BATCH_BYTES && !batch.sendOn(stream)) {
                    break;
                }
                batch.add(parsed, size);
                if (batch.cases.size() == settings.batchSize() && !batch.sendOn(stream)) {
                    break;
                }
            }
            tally.rowsRead(reader.rowsRead());
            if (!batch.isEmpty() && stream.failure().isEmpty()) {
                batch.sendOn(stream);
            }
            return stream.finish();
        } catch (IOException | RuntimeException | InterruptedException e) {
            stream.abandon("the loader stopped: " + e, e);
            throw e;
        }
    }

    private static RejectedRow rejected(RowProblem problem) {
        return new RejectedRow(problem.line(), problem.caseId(), problem.field(), RejectedRow.UNPARSEABLE,
                problem.message());
    }

    /** The batch being filled. */
    private static final class Batch {
        private int number;
        private final List<Case> cases = new ArrayList<>();
        private final List<CaseLines> lines = new ArrayList<>();
        private long bytes;

        boolean isEmpty() {
            return cases.isEmpty();
        }

        void add(CallListEntry.Parsed parsed, int size) {
            cases.add(parsed.value());
            lines.add(parsed.lines());
            bytes += size;
        }

        /** Sends the batch and starts the next; false when the stream has ended. */
        boolean sendOn(BatchStream stream) throws InterruptedException {
            number++;
            LoadCasesRequest request = LoadCasesRequest.newBuilder()
                    .setBatchId(String.format("batch-%06d", number))
                    .addAllCases(cases)
                    .build();
            boolean sent = stream.send(request, List.copyOf(lines));
            cases.clear();
            lines.clear();
            bytes = 0;
            return sent;
        }
    }
}
