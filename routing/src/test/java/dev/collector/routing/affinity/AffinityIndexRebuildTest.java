package dev.collector.routing.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.outcome.RoutingMemory;
import dev.collector.domain.outcome.RoutingMemory.Remembered;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AffinityIndexRebuildTest {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aRestartedIndexKnowsWhoGotThePromiseAndWhoseCallbackStillStands() throws Exception {
        RoutingMemory memory = learner -> {
            List.of(new Remembered("d1", "anna", "PROMISE_TO_PAY", Optional.empty(), T),
                    new Remembered("d2", "boris", "PAYMENT_TAKEN", Optional.empty(), T),
                    new Remembered("d3", "cyril", "CALLBACK_REQUESTED", Optional.of(T.plusSeconds(7200)), T),
                    // d4's callback was settled by a later conversation
                    new Remembered("d4", "dana", "CALLBACK_REQUESTED", Optional.of(T.plusSeconds(7200)), T),
                    new Remembered("d4", "emil", "REFUSED", Optional.empty(), T.plusSeconds(60)))
                    .forEach(learner);
            return CompletableFuture.completedFuture(5L);
        };
        AffinityIndex index = new AffinityIndex();

        long learnt = index.rebuildFrom(memory).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(learnt).isEqualTo(5);
        assertThat(index.successfulAgent("d1")).map(Affinity::agentId).contains("anna");
        assertThat(index.successfulAgent("d2")).map(Affinity::agentId).contains("boris");
        assertThat(index.promisedCallback("d3")).map(PromisedCallback::agentId).contains("cyril");
        assertThat(index.promisedCallback("d4")).isEmpty();
        assertThat(index.successfulAgent("d4")).isEmpty();
    }

    @Test
    void anOlderRememberedPromiseDoesNotReplaceOneLearntSinceTheStart() {
        AffinityIndex index = new AffinityIndex();
        index.remember(new Remembered("d1", "newer", "PROMISE_TO_PAY", Optional.empty(), T.plusSeconds(600)));

        index.remember(new Remembered("d1", "older", "PROMISE_TO_PAY", Optional.empty(), T));

        assertThat(index.successfulAgent("d1")).map(Affinity::agentId).contains("newer");
    }
}
