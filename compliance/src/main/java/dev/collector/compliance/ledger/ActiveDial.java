package dev.collector.compliance.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The one call in progress to a debtor, whatever the campaign: a debtor with several debts in
 * several campaigns is never called twice at once.
 *
 * @param holder the dialer node (Hazelcast member uuid) that placed the call; if it leaves the
 *               cluster the dial is void
 */
public record ActiveDial(String attemptId, String caseId, String campaignId, String holder, Instant since)
        implements Serializable {
    public ActiveDial {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(since, "since");
    }
}
