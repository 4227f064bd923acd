package dev.collector.domain.access;

/**
 * Who a caller is to Collector, as far as what it may reach is concerned. Every entry point (gRPC
 * method, web route, agent socket message) declares the role it needs; a caller of another role
 * is refused there.
 *
 * <ul>
 *   <li>{@link #CRM_SERVICE}: a creditor's CRM over gRPC, for its own tenant's campaigns, cases and outcomes.</li>
 *   <li>{@link #AGENT}: a collector at the agent desktop, for its own session and the calls routed to it.</li>
 *   <li>{@link #SUPERVISOR}: the wall, the reports, and steering the floor (pause, resume, dial mode, agents).</li>
 *   <li>{@link #ADMIN}: everything a supervisor may, plus the settings compliance rests on (the abandon
 *       cap) and the data-access audit trail.</li>
 * </ul>
 */
public enum Role {
    CRM_SERVICE,
    AGENT,
    SUPERVISOR,
    ADMIN;

    /**
     * Whether a caller of this role may use an entry point that needs {@code needed}. Only an
     * administrator stands in for another role (a supervisor's), so that the floor can be steered
     * without a second login; no role stands in for a CRM or an agent, whose work is bound to a
     * tenant or to one person's calls.
     */
    public boolean mayActAs(Role needed) {
        return this == needed || (this == ADMIN && needed == SUPERVISOR);
    }
}
