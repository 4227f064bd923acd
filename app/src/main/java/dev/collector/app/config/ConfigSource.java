package dev.collector.app.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a setting comes from, strongest first: a JVM system property ({@code -Dcollector.http.port=..}),
 * then an environment variable ({@code COLLECTOR_HTTP_PORT}), then the default in the code.
 */
public final class ConfigSource {

    private final Properties properties;
    private final Map<String, String> environment;

    public ConfigSource(Properties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static ConfigSource system() {
        return new ConfigSource(System.getProperties(), System.getenv());
    }

    public Optional<String> find(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    public String string(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    public double decimal(String key, double fallback) {
        return find(key).map(v -> parse(key, v, Double::parseDouble)).orElse(fallback);
    }

    public boolean flag(String key, boolean fallback) {
        return find(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public Duration seconds(String key, Duration fallback) {
        return find(key).map(v -> Duration.ofMillis((long) (parse(key, v, Double::parseDouble) * 1000))).orElse(fallback);
    }

    static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + key + " (" + environmentName(key) + "): cannot read '"
                    + value + "'", e);
        }
    }
}
