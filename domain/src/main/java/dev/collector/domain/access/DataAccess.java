package dev.collector.domain.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One sight of, or change to, a debtor's data: who (role and id), what they did, on which case
 * when it concerns one, and when. Kept as the answer to "who saw this debtor's file?".
 *
 * @param principal the agent, supervisor or administrator id, or the CRM client id
 * @param action    what was done, e.g. {@code screen-pop}, {@code CaseService/ListCaseHistory},
 *                  {@code report:kpis}, {@code export:kpis.csv}
 * @param caseId    the case seen or changed; empty for reads over many cases (reports, exports)
 * @param detail    what else identifies the read (a report's period, an attempt id); may be empty
 */
public record DataAccess(Instant at, Role role, String principal, String action, String caseId, String detail) {

    public DataAccess {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(detail, "detail");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal: who accessed the data must be named");
        }
        if (action.isBlank()) {
            throw new IllegalArgumentException("action: what was done must be named");
        }
    }
}
