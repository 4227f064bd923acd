package dev.collector.crmbridge.auth;

import dev.collector.domain.access.Role;
import dev.collector.protos.v1.CampaignServiceGrpc;
import dev.collector.protos.v1.CaseServiceGrpc;
import dev.collector.protos.v1.OutcomeServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.health.v1.HealthGrpc;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The role each gRPC method needs, one line per method: a method added to the contract without a
 * line here is refused to everyone (PERMISSION_DENIED) until someone decides who may call it, and
 * {@code GrpcAccessTest} fails. Today every {@code collector.v1} method is a CRM's: the CRM
 * owns its debtors, and agents, supervisors and administrators work in the browser, with no gRPC
 * credential at all.
 */
public final class GrpcAccessRules {

    /** Callable without any credential: load balancers probe health without one. */
    private static final Set<String> OPEN = HealthGrpc.getServiceDescriptor().getMethods().stream()
            .map(MethodDescriptor::getFullMethodName).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Role> NEEDED = Map.ofEntries(
            Map.entry(CaseServiceGrpc.getSubmitCasesMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CaseServiceGrpc.getLoadCasesMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CaseServiceGrpc.getUpdateCaseMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CaseServiceGrpc.getCancelCaseMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CaseServiceGrpc.getListCaseHistoryMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(OutcomeServiceGrpc.getStreamOutcomesMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getCreateCampaignMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getGetCampaignMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getListCampaignsMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getUpdateCampaignMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getPauseCampaignMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getResumeCampaignMethod().getFullMethodName(), Role.CRM_SERVICE),
            Map.entry(CampaignServiceGrpc.getCloseCampaignMethod().getFullMethodName(), Role.CRM_SERVICE));

    private GrpcAccessRules() {
    }

    /** Whether the method may be called without a credential. */
    public static boolean isOpen(String fullMethodName) {
        return OPEN.contains(fullMethodName);
    }

    /** The role the method needs; empty for a method nobody decided on, which everyone is refused. */
    public static Optional<Role> roleNeededFor(String fullMethodName) {
        return Optional.ofNullable(NEEDED.get(fullMethodName));
    }
}
