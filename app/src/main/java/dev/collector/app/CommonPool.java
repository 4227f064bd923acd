package dev.collector.app;

/**
 * Gives the JVM's common fork-join pool enough threads before anything uses it.
 *
 * <p>Hazelcast runs the callbacks of its futures ({@code thenApply}, {@code whenComplete} on what
 * {@code IMap.submitToKey} and friends return) on the common pool. On a machine with 2 cores the
 * JDK sizes that pool to 1 thread, and a pool of 1 is replaced by a new thread per task, for
 * Hazelcast as for {@code CompletableFuture}: every call-list step then starts a thread. Measured
 * with the bulk-load benchmark on 2 cores: 2,100 cases/s with a thread per callback, 8,700 with a
 * pool of 4. An explicit {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} wins.
 */
final class CommonPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPool() {
    }

    /** Call first thing in main: the pool reads the property once, when it is first used. */
    static void sizeForCallbacks() {
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(Math.max(4, Runtime.getRuntime().availableProcessors())));
        }
    }
}
