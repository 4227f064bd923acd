package dev.collector.console.supervisor;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a supervisor may change on the floor; the app carries each out on the campaign map, the
 * dialer and the roster. Each completes with what was done, in words for the action journal, or
 * fails with an {@link IllegalArgumentException} naming the field that is wrong.
 */
public interface FloorControls {

    CompletionStage<String> pauseCampaign(String campaignId, String reason);

    CompletionStage<String> resumeCampaign(String campaignId);

    /** @param dialMode PREVIEW, PROGRESSIVE, POWER or PREDICTIVE */
    CompletionStage<String> changeDialMode(String campaignId, String dialMode);

    /** @param abandonCap a share, e.g. 0.02 */
    CompletionStage<String> capAbandonRate(String campaignId, double abandonCap);

    /** @param queues the queues served from now on, the first first (SPECIAL, SENIOR, JUNIOR) */
    CompletionStage<String> moveAgent(String agentId, List<String> queues);

    /** Pauses the agent now when ready, else as soon as the current call and its wrap-up are done. */
    CompletionStage<String> pauseAgent(String agentId, String reason);

    /** A floor nobody can steer: every action fails. */
    static FloorControls none() {
        return new FloorControls() {
            private <T> CompletionStage<T> refused() {
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("this console has no floor to steer"));
            }

            @Override
            public CompletionStage<String> pauseCampaign(String campaignId, String reason) {
                return refused();
            }

            @Override
            public CompletionStage<String> resumeCampaign(String campaignId) {
                return refused();
            }

            @Override
            public CompletionStage<String> changeDialMode(String campaignId, String dialMode) {
                return refused();
            }

            @Override
            public CompletionStage<String> capAbandonRate(String campaignId, double abandonCap) {
                return refused();
            }

            @Override
            public CompletionStage<String> moveAgent(String agentId, List<String> queues) {
                return refused();
            }

            @Override
            public CompletionStage<String> pauseAgent(String agentId, String reason) {
                return refused();
            }
        };
    }
}
