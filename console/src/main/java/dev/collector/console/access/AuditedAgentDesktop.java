package dev.collector.console.access;

import dev.collector.domain.access.AccessAudit;
import dev.collector.domain.access.DataAccess;
import dev.collector.domain.access.Role;
import dev.collector.routing.desktop.AgentDesktop;
import dev.collector.routing.desktop.PreviewChoices;
import dev.collector.routing.desktop.PreviewOffer;
import dev.collector.routing.desktop.ScreenPop;
import java.time.Clock;
import java.util.Objects;

/**
 * The agents' screens as the dialer sees them, writing down each case put before an agent (a
 * screen pop of an answered call, a preview before one is dialed) in the access audit, then
 * passing it on. Writing down never delays the pop: the audit returns at once.
 */
public final class AuditedAgentDesktop implements AgentDesktop {

    private final AgentDesktop screens;
    private final AccessAudit audit;
    private final Clock clock;

    public AuditedAgentDesktop(AgentDesktop screens, AccessAudit audit, Clock clock) {
        this.screens = Objects.requireNonNull(screens, "screens");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void screenPop(ScreenPop pop) {
        record(pop.agentId(), "screen-pop", pop.aCase().caseId(), pop.attemptId());
        screens.screenPop(pop);
    }

    @Override
    public void preview(PreviewOffer offer) {
        record(offer.agentId(), "preview", offer.aCase().caseId(), offer.attemptId());
        screens.preview(offer);
    }

    @Override
    public void answerPreviewsWith(PreviewChoices choices) {
        screens.answerPreviewsWith(choices);
    }

    @Override
    public void callEnded(String agentId, String attemptId) {
        screens.callEnded(agentId, attemptId);
    }

    private void record(String agentId, String action, String caseId, String attemptId) {
        try {
            audit.record(new DataAccess(clock.instant(), Role.AGENT, agentId, action, caseId, "attempt " + attemptId));
        } catch (RuntimeException e) {
            // fire and forget by contract: the agent's screen must not wait for, or fail with, the audit
        }
    }
}
