package dev.collector.outcomes.schema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How a keyspace is replicated when we create it. */
public sealed interface Replication permits Replication.Simple, Replication.NetworkTopology {

    /** The replication map of {@code CREATE KEYSPACE ... WITH replication = ...}. */
    String toCql();

    /** For one node or one datacenter without racks: the local default, factor 1. */
    record Simple(int replicationFactor) implements Replication {
        public Simple {
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
            }
        }

        @Override
        public String toCql() {
            return "{'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}";
        }
    }

    /** Per-datacenter factors: what a production cluster uses. */
    record NetworkTopology(Map<String, Integer> factorsByDatacenter) implements Replication {
        public NetworkTopology {
            Objects.requireNonNull(factorsByDatacenter, "factorsByDatacenter");
            if (factorsByDatacenter.isEmpty()) {
                throw new IllegalArgumentException("factorsByDatacenter must name at least one datacenter");
            }
            factorsByDatacenter.forEach((dc, factor) -> {
                if (!dc.matches("[A-Za-z0-9_.-]+") || factor == null || factor < 1) {
                    throw new IllegalArgumentException("factorsByDatacenter has an invalid entry " + dc + "=" + factor);
                }
            });
            factorsByDatacenter = Map.copyOf(new LinkedHashMap<>(factorsByDatacenter));
        }

        @Override
        public String toCql() {
            return factorsByDatacenter.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> "'" + e.getKey() + "': " + e.getValue())
                    .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
        }
    }

    static Replication simple(int replicationFactor) {
        return new Simple(replicationFactor);
    }

    static Replication networkTopology(Map<String, Integer> factorsByDatacenter) {
        return new NetworkTopology(factorsByDatacenter);
    }

    /**
     * Parses {@code SimpleStrategy:1} or {@code NetworkTopologyStrategy:dc1=3,dc2=2}.
     *
     * @throws IllegalArgumentException naming the expected forms
     */
    static Replication parse(String text) {
        String spec = text.strip();
        int colon = spec.indexOf(':');
        String strategy = colon < 0 ? spec : spec.substring(0, colon).strip();
        String args = colon < 0 ? "" : spec.substring(colon + 1).strip();
        try {
            if (strategy.equals("SimpleStrategy")) {
                return simple(Integer.parseInt(args));
            }
            if (strategy.equals("NetworkTopologyStrategy")) {
                Map<String, Integer> factors = new LinkedHashMap<>();
                Arrays.stream(args.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(pair -> {
                    String[] kv = pair.split("=", 2);
                    factors.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
                });
                return networkTopology(factors);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("replication '" + text + "' is not SimpleStrategy:<factor> or "
                    + "NetworkTopologyStrategy:<dc>=<factor>,...", e);
        }
        throw new IllegalArgumentException("replication '" + text + "' is not SimpleStrategy:<factor> or "
                + "NetworkTopologyStrategy:<dc>=<factor>,...");
    }
}
