package dev.collector.bench;

import com.google.type.Date;
import com.google.type.Money;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.LoadCasesRequest;
import dev.collector.protos.v1.LoadCasesResponse;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The CRM's side of the bulk-load benchmark: streams {@code LoadCases} batches with at most
 * {@code inFlight} unacknowledged, as a CRM's loader would.
 *
 * <p>Two ways to make the batches. {@code inline}: each case is built and encoded as it is sent,
 * in the server's JVM (the client's CPU counts against the server's). {@code separate} (run as its
 * own process by {@link BulkLoadBenchmark}): the batches are encoded before the clock starts, the
 * way a CRM streams an export it already has, so that the figure is the server's ingest; the
 * client's sending still shares the machine's cores.
 */
public final class BulkLoadClient {

    static final String CAMPAIGN = "bulk-load";
    /** The line a separate client prints its result on, for the benchmark to read. */
    static final String RESULT_PREFIX = "RESULT ";

    private BulkLoadClient() {
    }

    record Result(long accepted, long rejected, double seconds, double p50, double p99, double max) {
        String toLine() {
            return RESULT_PREFIX + accepted + " " + rejected + " " + seconds + " " + p50 + " " + p99 + " " + max;
        }

        static Result fromLine(String line) {
            String[] f = line.substring(RESULT_PREFIX.length()).trim().split(" ");
            return new Result(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]));
        }
    }

    /** {@code java ... BulkLoadClient <port>}, settings as in {@link BulkLoadBenchmark.Settings}. */
    public static void main(String[] args) throws Exception {
        BulkLoadBenchmark.Settings settings = BulkLoadBenchmark.Settings.fromSystemProperties();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(args[0]))
                .usePlaintext().build();
        try {
            long begin = System.nanoTime();
            byte[][] encoded = encodeAll(settings);
            System.out.printf(Locale.ROOT, "Client: %,d batches encoded in %.1f s, %,d MB%n", encoded.length,
                    (System.nanoTime() - begin) / 1e9, Arrays.stream(encoded).mapToLong(b -> b.length).sum() >> 20);
            System.out.println(loadEncoded(channel, settings, encoded).toLine());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    static byte[][] encodeAll(BulkLoadBenchmark.Settings settings) {
        byte[][] encoded = new byte[batches(settings)][];
        for (int b = 0; b < encoded.length; b++) {
            encoded[b] = batch(settings, b).toByteArray();
        }
        return encoded;
    }

    /** Builds and encodes each batch as it goes. */
    static Result loadInline(ManagedChannel channel, BulkLoadBenchmark.Settings settings) throws Exception {
        return load(channel, CaseServiceGrpc.getLoadCasesMethod(), settings, b -> batch(settings, b));
    }

    static Result loadEncoded(ManagedChannel channel, BulkLoadBenchmark.Settings settings, byte[][] encoded)
            throws Exception {
        MethodDescriptor<byte[], LoadCasesResponse> method = CaseServiceGrpc.getLoadCasesMethod()
                .toBuilder(new EncodedBatch(), ProtoUtils.marshaller(LoadCasesResponse.getDefaultInstance()))
                .build();
        return load(channel, method, settings, b -> encoded[b]);
    }

    private static <T> Result load(ManagedChannel channel, MethodDescriptor<T, LoadCasesResponse> method,
            BulkLoadBenchmark.Settings settings, IntFunction<T> batchNumber) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        int batches = batches(settings);
        long[] sentAt = new long[batches];
        double[] latencies = new double[batches];
        CompletableFuture<Void> done = new CompletableFuture<>();
        Object lock = new Object();
        long begin = System.nanoTime();
        ClientResponseObserver<T, LoadCasesResponse> observer = new ClientResponseObserver<>() {
            private ClientCallStreamObserver<T> requests;
            private int next;
            private int acked;
            private long printedAt = begin;

            @Override
            public void beforeStart(ClientCallStreamObserver<T> stream) {
                requests = stream;
                stream.setOnReadyHandler(this::send);
            }

            private void send() {
                synchronized (lock) {
                    while (next < batches && next - acked < settings.inFlight() && requests.isReady()) {
                        T batch = batchNumber.apply(next);
                        sentAt[next] = System.nanoTime();
                        requests.onNext(batch);
                        next++;
                    }
                    if (next == batches && acked == batches) {
                        requests.onCompleted();
                    }
                }
            }

            @Override
            public void onNext(LoadCasesResponse ack) {
                synchronized (lock) {
                    int index = Integer.parseInt(ack.getBatchId().substring(1));
                    latencies[index] = (System.nanoTime() - sentAt[index]) / 1e6;
                    accepted.addAndGet(ack.getAcceptedCount());
                    rejected.addAndGet(ack.getRejectedCount());
                    acked++;
                    long now = System.nanoTime();
                    if (now - printedAt > 5_000_000_000L) {
                        printedAt = now;
                        System.out.printf(Locale.ROOT, "  %,d acknowledged (%.0f/s)%n", accepted.get(),
                                accepted.get() / ((now - begin) / 1e9));
                    }
                }
                send();
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        };
        ClientCalls.asyncBidiStreamingCall(channel.newCall(method, CallOptions.DEFAULT), observer);
        done.get(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - begin) / 1e9;
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(accepted.get(), rejected.get(), seconds, sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.99))], sorted[sorted.length - 1]);
    }

    private static int batches(BulkLoadBenchmark.Settings settings) {
        return (settings.cases() + settings.batch() - 1) / settings.batch();
    }

    private static LoadCasesRequest batch(BulkLoadBenchmark.Settings settings, int number) {
        int from = number * settings.batch();
        int to = Math.min(settings.cases(), from + settings.batch());
        LoadCasesRequest.Builder batch = LoadCasesRequest.newBuilder().setBatchId("b" + number);
        for (int i = from; i < to; i++) {
            batch.addCases(aCase(i));
        }
        return batch.build();
    }

    static Case aCase(int i) {
        return Case.newBuilder()
                .setCaseId("bulk-" + i)
                .setCampaignId(CAMPAIGN)
                .setDebtor(Debtor.newBuilder().setDebtorId("debtor-" + i).setName("Debtor " + i))
                .addClaims(Claim.newBuilder().setClaimId("claim-" + i)
                        .setAmountDue(Money.newBuilder().setCurrencyCode("CZK").setUnits(1000 + i % 50_000)
                                .setNanos((i % 100) * 10_000_000))
                        .setDueDate(Date.newBuilder().setYear(2026).setMonth(1 + i % 10).setDay(1 + i % 28)))
                .addPhoneNumbers("+4206" + (10_000_000 + i % 90_000_000))
                .setTimeZone("Europe/Prague")
                .setPriority(i % 10)
                .build();
    }

    /** A batch already encoded: sent as it is. */
    private static final class EncodedBatch implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
