package dev.collector.app.strategies;

import dev.collector.app.config.ConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Segmentation, strategies and reports.
 *
 * @param rulesFile      the segments and strategies (JSON); empty uses the example shipped in
 *                       {@code strategies/src/main/resources/strategies/strategies.json}
 * @param reloadInterval how often the rules file is checked for changes
 * @param confidence     the level of the champion/challenger confidence intervals
 * @param parkFor        how long a case whose strategy stage has no call waits undialed before it
 *                       is looked at again, unless a stage with a call comes first
 */
public record StrategyConfig(boolean enabled, Optional<Path> rulesFile, Duration reloadInterval, double confidence,
        Duration parkFor) {

    public StrategyConfig {
        Objects.requireNonNull(rulesFile, "rulesFile");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("setting collector.strategies.reload-interval: must be positive");
        }
        Objects.requireNonNull(parkFor, "parkFor");
        if (parkFor.isNegative() || parkFor.isZero()) {
            throw new IllegalArgumentException("setting collector.strategies.park-for: must be positive");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("setting collector.reports.confidence: must be between 0.5 and 1, got "
                    + confidence);
        }
    }

    public static StrategyConfig load(ConfigSource source) {
        return new StrategyConfig(
                source.flag("collector.strategies.enabled", true),
                source.find("collector.strategies.rules-file").filter(s -> !s.isBlank()).map(Path::of),
                source.seconds("collector.strategies.reload-interval", Duration.ofSeconds(10)),
                source.decimal("collector.reports.confidence", 0.95),
                source.seconds("collector.strategies.park-for", Duration.ofHours(6)));
    }
}
