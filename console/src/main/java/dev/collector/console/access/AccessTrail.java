package dev.collector.console.access;

import dev.collector.domain.access.DataAccess;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reads back the access audit: who saw or changed a case, newest first. */
@FunctionalInterface
public interface AccessTrail {

    CompletionStage<List<DataAccess>> accessesTo(String caseId);

    /** No trail kept: every case reads as never seen. */
    static AccessTrail none() {
        return caseId -> CompletableFuture.completedFuture(List.of());
    }
}
