package dev.collector.app.demo;

import com.google.type.Date;
import com.google.type.Money;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.crmbridge.campaigns.CampaignMessages;
import dev.collector.protos.v1.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.Claim;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.Debtor;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.OutcomeEvent;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import dev.collector.protos.v1.StreamOutcomesRequest;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's stand-in for a bank's CRM: a plain gRPC client of Collector's public API. It creates
 * its campaign, submits a call list and follows the outcome stream, as a real CRM integration
 * would.
 */
public final class DemoCrm implements AutoCloseable {

    public static final String DISPLAY_NAME = "Demo campaign";

    private final ManagedChannel channel;
    private final AtomicLong attemptsEnded = new AtomicLong();
    private final ConcurrentMap<String, Long> outcomesByDisposition = new ConcurrentHashMap<>();
    private volatile String lastCursor = "";

    public DemoCrm(String host, int port) {
        this.channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
    }

    /**
     * Creates the campaign the cases are submitted to, progressive, with the node's configured
     * calling rules: a campaign created without rules gets the strictest ones, which would close
     * the demo's around-the-clock window. A campaign that already exists (a restart: campaigns are
     * stored) is left as it is; the node defines the configured rules again when it starts.
     *
     * @param rules the configured rules; their campaign id is the campaign's
     */
    public void createCampaign(CampaignRules rules) {
        try {
            CampaignServiceGrpc.newBlockingStub(channel).createCampaign(CreateCampaignRequest.newBuilder()
                    .setCampaign(Campaign.newBuilder()
                            .setCampaignId(rules.campaignId())
                            .setDisplayName(DISPLAY_NAME)
                            .setDialMode(DialMode.DIAL_MODE_PROGRESSIVE)
                            .setCallingRules(CampaignMessages.callingRules(rules)))
                    .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    public SubmitCasesResponse submit(String campaignId, List<DemoDebtors.DemoCase> cases) {
        SubmitCasesRequest.Builder request = SubmitCasesRequest.newBuilder();
        cases.forEach(c -> request.addCases(toProto(campaignId, c)));
        return CaseServiceGrpc.newBlockingStub(channel).submitCases(request.build());
    }

    /** Follows the outcome stream from its start; counts what arrives. */
    public void followOutcomes(String campaignId) {
        OutcomeServiceGrpc.newStub(channel).streamOutcomes(
                StreamOutcomesRequest.newBuilder().setCampaignId(campaignId).setAfterCursor(lastCursor).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(OutcomeEvent event) {
                        lastCursor = event.getCursor();
                        if (event.hasAttemptEnded()) {
                            attemptsEnded.incrementAndGet();
                        } else if (event.hasOutcomeRecorded()) {
                            outcomesByDisposition.merge(event.getOutcomeRecorded().getDisposition().name()
                                    .replace("DISPOSITION_", ""), 1L, Long::sum);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        // The demo ends by closing the channel; nothing to do.
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
    }

    public long attemptsEnded() {
        return attemptsEnded.get();
    }

    public Map<String, Long> outcomesByDisposition() {
        return new TreeMap<>(outcomesByDisposition);
    }

    static dev.collector.protos.v1.Case toProto(String campaignId, DemoDebtors.DemoCase c) {
        dev.collector.protos.v1.Case.Builder builder = dev.collector.protos.v1.Case.newBuilder()
                .setCaseId(c.caseId())
                .setCampaignId(campaignId)
                .setDebtor(Debtor.newBuilder().setDebtorId(c.debtorId()).setName(c.name()))
                .addPhoneNumbers(c.phone())
                .setTimeZone(c.timeZone())
                .setPriority(c.priority());
        for (DemoDebtors.DemoClaim claim : c.claims()) {
            builder.addClaims(Claim.newBuilder()
                    .setClaimId(claim.claimId())
                    .setAmountDue(money(claim.amountDue(), c.currency()))
                    .setDueDate(date(claim.dueDate())));
        }
        return builder.build();
    }

    static Money money(BigDecimal amount, String currency) {
        BigDecimal units = new BigDecimal(amount.toBigInteger());
        int nanos = amount.subtract(units).movePointRight(9).intValueExact();
        return Money.newBuilder().setCurrencyCode(currency).setUnits(units.longValueExact()).setNanos(nanos).build();
    }

    static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
