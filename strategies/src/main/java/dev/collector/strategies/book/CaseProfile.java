package dev.collector.strategies.book;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of a case that segments are defined on, as they stand now. Built from the case
 * and what happened to it; a change of any of them is a reason to segment the case again.
 *
 * @param product the product the debt comes from (CARD, LOAN ...), empty when the CRM does not say
 * @param score   the CRM's collection score, empty when it sends none
 */
public record CaseProfile(
        String caseId,
        long daysPastDue,
        BigDecimal amountDue,
        Optional<String> product,
        int promises,
        int brokenPromises,
        Optional<BigDecimal> score,
        Set<String> flags,
        boolean disputed,
        CaseSituation situation) {

    public CaseProfile {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(amountDue, "amountDue");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(situation, "situation");
        flags = Set.copyOf(flags);
    }
}
