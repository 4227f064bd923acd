package dev.collector.console.supervisor;

import java.util.concurrent.CompletionStage;

/** Where the supervisor wall reads the floor from; the app composes it from dialer, roster and queues. */
@FunctionalInterface
public interface FloorSource {
    CompletionStage<FloorSnapshot> snapshot();
}
