package dev.collector.faultdrill;

import com.google.type.Money;
import dev.collector.protos.v1.Case;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CancelCaseRequest;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.GetCampaignRequest;
import dev.collector.protos.v1.ListCaseHistoryRequest;
import dev.collector.protos.v1.PaymentReceived;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.UpdateCaseRequest;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Malformed and hostile CRM requests, each kind with the answers it may rightly get. A request
 * that gets another answer (an OK where tenant B reads tenant A's case, an INTERNAL for a bad
 * field) is a finding; so is a reply that carries data.
 */
final class HostileGrpcTraffic {

    enum Kind {
        NO_CREDENTIALS(Status.Code.UNAUTHENTICATED),
        WRONG_TOKEN(Status.Code.UNAUTHENTICATED),
        MALFORMED_AUTHORIZATION(Status.Code.UNAUTHENTICATED),
        OTHER_TENANTS_CASE_HISTORY(Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED),
        OTHER_TENANTS_CAMPAIGN(Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED),
        OTHER_TENANTS_CASE_CANCELLED(Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED),
        OTHER_TENANTS_CASE_UPDATED(Status.Code.NOT_FOUND, Status.Code.PERMISSION_DENIED),
        FUZZED_CASE(Status.Code.INVALID_ARGUMENT),
        FUZZED_UPDATE(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND),
        FUZZED_HISTORY_PAGE(Status.Code.INVALID_ARGUMENT),
        OVERSIZED_CASE(Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED),
        OVERSIZED_MESSAGE(Status.Code.RESOURCE_EXHAUSTED);

        final Set<Status.Code> rightAnswers;

        Kind(Status.Code first, Status.Code... rest) {
            this.rightAnswers = EnumSet.of(first, rest);
        }
    }

    private final List<Integer> ports;
    private final List<String> tenantACaseIds;
    private final Random random;
    private final ConcurrentMap<Kind, ConcurrentMap<Status.Code, LongAdder>> answers = new ConcurrentHashMap<>();
    private final List<String> findings = new java.util.concurrent.CopyOnWriteArrayList<>();

    HostileGrpcTraffic(List<Integer> ports, List<String> tenantACaseIds, long seed) {
        this.ports = ports;
        this.tenantACaseIds = tenantACaseIds;
        this.random = new Random(seed);
    }

    /** Sends {@code count} requests, spread over the nodes and the kinds; returns when all are answered. */
    void send(int count) {
        List<ManagedChannel> channels = ports.stream().map(p -> ManagedChannelBuilder.forAddress("127.0.0.1", p)
                .usePlaintext().maxInboundMessageSize(16 << 20).build()).toList();
        // four CRMs at once, as a busy installation would see them
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            Kind[] kinds = Kind.values();
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                // oversized messages are few: each is megabytes over loopback
                Kind drawn = kinds[i % kinds.length];
                Kind kind = drawn == Kind.OVERSIZED_MESSAGE && i % (kinds.length * 20) != kinds.length - 1
                        ? Kind.FUZZED_CASE : drawn;
                ManagedChannel channel = channels.get(i % channels.size());
                sent.add(senders.submit(() -> send(kind, channel)));
            }
            for (java.util.concurrent.Future<?> request : sent) {
                request.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("hostile traffic stopped: " + e, e);
        } finally {
            senders.shutdownNow();
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }

    private void send(Kind kind, ManagedChannel channel) {
        try {
            Object reply = call(kind, channel);
            record(kind, Status.Code.OK);
            findings.add(kind + " was answered OK: " + String.valueOf(reply).replace('\n', ' '));
        } catch (StatusRuntimeException e) {
            record(kind, e.getStatus().getCode());
            if (!kind.rightAnswers.contains(e.getStatus().getCode()) && findings.size() < 50) {
                findings.add(kind + " was answered " + e.getStatus());
            }
        }
    }

    private Object call(Kind kind, ManagedChannel channel) {
        String victim = tenantACaseIds.get(random.nextInt(tenantACaseIds.size()));
        return switch (kind) {
            case NO_CREDENTIALS -> cases(channel, null).listCaseHistory(
                    ListCaseHistoryRequest.newBuilder().setCaseId(victim).build());
            case WRONG_TOKEN -> cases(channel, "Bearer " + garbage(1 + random.nextInt(64))).listCaseHistory(
                    ListCaseHistoryRequest.newBuilder().setCaseId(victim).build());
            case MALFORMED_AUTHORIZATION -> cases(channel, List.of("Basic " + DrillCluster.TENANT_A_TOKEN, "Bearer",
                    "Bearer ", DrillCluster.TENANT_A_TOKEN, "bearer  " + DrillCluster.TENANT_A_TOKEN + "x")
                    .get(random.nextInt(5))).listCaseHistory(ListCaseHistoryRequest.newBuilder().setCaseId(victim).build());
            case OTHER_TENANTS_CASE_HISTORY -> cases(channel, tenantB()).listCaseHistory(
                    ListCaseHistoryRequest.newBuilder().setCaseId(victim).build());
            case OTHER_TENANTS_CAMPAIGN -> CampaignServiceGrpc.newBlockingStub(authenticated(channel, tenantB()))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getCampaign(GetCampaignRequest.newBuilder().setCampaignId(DrillCluster.CAMPAIGN).build());
            case OTHER_TENANTS_CASE_CANCELLED -> cases(channel, tenantB()).cancelCase(
                    CancelCaseRequest.newBuilder().setCaseId(victim).setReason("hostile").build());
            case OTHER_TENANTS_CASE_UPDATED -> cases(channel, tenantB()).updateCase(UpdateCaseRequest.newBuilder()
                    .setCaseId(victim).setUpdateId("u-" + random.nextLong())
                    .setPaymentReceived(PaymentReceived.newBuilder().setAmount(money("EUR", 1_000_000, 0)))
                    .build());
            case FUZZED_CASE -> cases(channel, tenantA()).submitCases(
                    SubmitCasesRequest.newBuilder().addCases(fuzzedCase()).build());
            case FUZZED_UPDATE -> cases(channel, tenantA()).updateCase(fuzzedUpdate(victim));
            case FUZZED_HISTORY_PAGE -> cases(channel, tenantA()).listCaseHistory(ListCaseHistoryRequest.newBuilder()
                    .setCaseId(victim).setPageSize(random.nextBoolean() ? -1 - random.nextInt(1000) : 501 + random.nextInt(100000))
                    .setPageToken(random.nextBoolean() ? garbage(20) : "").build());
            case OVERSIZED_CASE -> cases(channel, tenantA()).submitCases(SubmitCasesRequest.newBuilder()
                    .addCases(validLooking().setDebtor(Debtor.newBuilder().setDebtorId("d-big").setName("x".repeat(200_000))))
                    .build());
            case OVERSIZED_MESSAGE -> cases(channel, tenantA()).submitCases(SubmitCasesRequest.newBuilder()
                    .addCases(validLooking().setDebtor(Debtor.newBuilder().setDebtorId("d-huge").setName("x".repeat(5 << 20))))
                    .build());
        };
    }

    private CaseServiceGrpc.CaseServiceBlockingStub cases(ManagedChannel channel, String authorization) {
        return CaseServiceGrpc.newBlockingStub(authenticated(channel, authorization)).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Channel authenticated(ManagedChannel channel, String authorization) {
        if (authorization == null) {
            return channel;
        }
        Metadata headers = new Metadata();
        headers.put(DrillCrm.AUTHORIZATION, authorization);
        return ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static String tenantA() {
        return "Bearer " + DrillCluster.TENANT_A_TOKEN;
    }

    private static String tenantB() {
        return "Bearer " + DrillCluster.TENANT_B_TOKEN;
    }

    /** A case with at least one field no CRM could mean, and random others. */
    private Case fuzzedCase() {
        Case.Builder c = validLooking();
        switch (random.nextInt(8)) {
            case 0 -> c.setCaseId(random.nextBoolean() ? "" : garbage(300 + random.nextInt(300)));
            case 1 -> c.clearPhoneNumbers().addPhoneNumbers(garbage(1 + random.nextInt(30)));
            case 2 -> c.setTimeZone(garbage(1 + random.nextInt(20)));
            case 3 -> c.clearClaims().addClaims(Claim.newBuilder().setClaimId("c1")
                    .setAmountDue(money(garbage(3), -random.nextInt(1000) - 1, 0)));
            case 4 -> c.setCampaignId(random.nextBoolean() ? "" : garbage(10));
            case 5 -> c.setDebtor(Debtor.newBuilder().setDebtorId("").setName(garbage(10)));
            case 6 -> c.setVersion(-1 - random.nextInt(1000));
            default -> c.clearPhoneNumbers();
        }
        if (random.nextBoolean()) {
            c.setPriority(random.nextInt());
        }
        return c.build();
    }

    private Case.Builder validLooking() {
        return Case.newBuilder().setCaseId("fuzz-" + random.nextInt(1_000_000)).setCampaignId(DrillCluster.CAMPAIGN)
                .setDebtor(Debtor.newBuilder().setDebtorId("fuzz-d-" + random.nextInt(1000)).setName("Fuzz Debtor"))
                .addPhoneNumbers("+420601" + (100000 + random.nextInt(899999))).setTimeZone("Europe/Prague")
                .addClaims(Claim.newBuilder().setClaimId("c1").setAmountDue(money("CZK", 1000, 0))
                        .setDueDate(com.google.type.Date.newBuilder().setYear(2026).setMonth(1).setDay(15)));
    }

    private UpdateCaseRequest fuzzedUpdate(String victim) {
        UpdateCaseRequest.Builder update = UpdateCaseRequest.newBuilder();
        switch (random.nextInt(4)) {
            case 0 -> update.setCaseId(victim).setUpdateId("u-" + random.nextLong()); // no change at all
            case 1 -> update.setCaseId("").setUpdateId("u-" + random.nextLong())
                    .setPaymentReceived(PaymentReceived.newBuilder().setAmount(money("EUR", 5, 0)));
            case 2 -> update.setCaseId(victim).setUpdateId("")
                    .setPaymentReceived(PaymentReceived.newBuilder().setAmount(money("EUR", 5, 0)));
            default -> update.setCaseId(victim).setUpdateId("u-" + random.nextLong())
                    .setPaymentReceived(PaymentReceived.newBuilder().setAmount(money(garbage(4), -5, -7)));
        }
        return update.build();
    }

    private static Money money(String currency, long units, int nanos) {
        return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
    }

    private String garbage(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.appendCodePoint(pick < 6 ? 33 + random.nextInt(94) : pick < 8 ? 0x100 + random.nextInt(0x2000)
                    : pick < 9 ? random.nextInt(32) : 0x1F600 + random.nextInt(80));
        }
        return text.toString();
    }

    private void record(Kind kind, Status.Code code) {
        answers.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    Map<Kind, Map<Status.Code, Long>> answers() {
        Map<Kind, Map<Status.Code, Long>> copy = new TreeMap<>();
        answers.forEach((kind, codes) -> {
            Map<Status.Code, Long> counts = new TreeMap<>();
            codes.forEach((code, n) -> counts.put(code, n.sum()));
            copy.put(kind, counts);
        });
        return copy;
    }

    Map<Status.Code, Long> byCode() {
        Map<Status.Code, Long> total = new TreeMap<>();
        answers().values().forEach(codes -> codes.forEach((code, n) -> total.merge(code, n, Long::sum)));
        return total;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }
}
