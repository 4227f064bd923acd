package dev.collector.followups.cases;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where follow-ups read a case's current state (the call list and the contact restrictions, in the app). */
public interface CaseFacts {

    /** Empty for a case no one knows. */
    CompletionStage<Optional<CaseFact>> current(String caseId);
}
