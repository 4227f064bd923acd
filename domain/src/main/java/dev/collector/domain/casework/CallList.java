package dev.collector.domain.casework;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cases a CRM has handed over and that wait to be called, best first, per campaign.
 * Implemented over Hazelcast in the case-queue module; every call is asynchronous so that an
 * event loop may use it.
 */
public interface CallList {

    /** Accepts a case (or a newer version of it) and puts it in its campaign's queue. */
    CompletionStage<Void> admit(Case aCase);

    /** Removes and returns the best waiting case of the campaign, if any. */
    CompletionStage<Optional<Case>> takeNext(String campaignId);

    /** The case as last admitted, whether it waits, is being dialed or is done. */
    CompletionStage<Optional<Case>> find(String caseId);

    /** How many cases of the campaign wait to be dialed. */
    CompletionStage<Integer> waiting(String campaignId);
}
