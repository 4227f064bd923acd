package dev.collector.faultdrill;

import dev.collector.app.demo.DemoDebtors;
import dev.collector.crmbridge.campaigns.CampaignMessages;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.protos.v1.Campaign;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.DialMode;
import dev.collector.protos.v1.SubmitCasesRequest;
import dev.collector.protos.v1.SubmitCasesResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A bank's CRM of one tenant, authenticated by its bearer token, talking to one node's gRPC port. */
public final class DrillCrm implements AutoCloseable {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final CampaignServiceGrpc.CampaignServiceBlockingStub campaigns;
    private final CaseServiceGrpc.CaseServiceBlockingStub cases;

    public DrillCrm(int port, String token) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        Metadata headers = bearer(token);
        this.campaigns = CampaignServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        this.cases = CaseServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    public static Metadata bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return headers;
    }

    /** Progressive, with the given rules; a campaign that exists already is left as it is. */
    public void createCampaign(CampaignRules rules) {
        try {
            campaigns.withDeadlineAfter(10, TimeUnit.SECONDS).createCampaign(CreateCampaignRequest.newBuilder()
                    .setCampaign(Campaign.newBuilder().setCampaignId(rules.campaignId()).setDisplayName("Fault drill")
                            .setDialMode(DialMode.DIAL_MODE_PROGRESSIVE)
                            .setCallingRules(CampaignMessages.callingRules(rules)))
                    .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }

    public SubmitCasesResponse submit(String campaignId, List<DemoDebtors.DemoCase> batch) {
        SubmitCasesRequest.Builder request = SubmitCasesRequest.newBuilder();
        batch.forEach(c -> request.addCases(toProto(campaignId, c)));
        return cases.withDeadlineAfter(30, TimeUnit.SECONDS).submitCases(request.build());
    }

    /** A demo case as the CRM sends it. */
    public static dev.collector.protos.v1.Case toProto(String campaignId, DemoDebtors.DemoCase c) {
        dev.collector.protos.v1.Case.Builder builder = dev.collector.protos.v1.Case.newBuilder()
                .setCaseId(c.caseId())
                .setCampaignId(campaignId)
                .setDebtor(dev.collector.protos.v1.Debtor.newBuilder().setDebtorId(c.debtorId()).setName(c.name()))
                .addPhoneNumbers(c.phone())
                .setTimeZone(c.timeZone())
                .setPriority(c.priority());
        for (DemoDebtors.DemoClaim claim : c.claims()) {
            java.math.BigDecimal units = new java.math.BigDecimal(claim.amountDue().toBigInteger());
            builder.addClaims(dev.collector.protos.v1.Claim.newBuilder()
                    .setClaimId(claim.claimId())
                    .setAmountDue(com.google.type.Money.newBuilder().setCurrencyCode(c.currency())
                            .setUnits(units.longValueExact())
                            .setNanos(claim.amountDue().subtract(units).movePointRight(9).intValueExact()))
                    .setDueDate(com.google.type.Date.newBuilder().setYear(claim.dueDate().getYear())
                            .setMonth(claim.dueDate().getMonthValue()).setDay(claim.dueDate().getDayOfMonth())));
        }
        return builder.build();
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
