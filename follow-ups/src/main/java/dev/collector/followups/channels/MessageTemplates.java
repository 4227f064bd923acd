package dev.collector.followups.channels;

import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.task.FollowUpTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Message texts per template and language: {@code <template>_<language>.txt}, looked up in a
 * directory of the operator's (if configured) and then among the module's own. A first line
 * {@code Subject: ...} and a blank line give an e-mail its subject. Placeholders: {@code {name}},
 * {@code {amount}}, {@code {currency}}, {@code {promisedFor}}, {@code {totalDue}}, {@code {caseId}}.
 * A language without a text falls back to English.
 */
public final class MessageTemplates {

    private static final String BUILT_IN = "followups/templates/";
    private static final String FALLBACK_LANGUAGE = "en";

    private final Optional<Path> directory;

    public MessageTemplates(Optional<Path> directory) {
        this.directory = directory;
    }

    /** A message ready to send. */
    public record Message(String subject, String body) {
    }

    public Message fill(String template, CaseFact fact, FollowUpTask task) throws DeliveryFailed {
        String raw = text(template, fact.language())
                .or(() -> text(template, FALLBACK_LANGUAGE))
                .orElseThrow(() -> new DeliveryFailed("no template '" + template + "' in " + fact.language() + " or "
                        + FALLBACK_LANGUAGE, true, null));
        Map<String, String> values = Map.of(
                "{name}", fact.aCase().debtor().name(),
                "{amount}", task.promise().map(p -> p.amount().toPlainString()).orElse(""),
                "{promisedFor}", task.promise().map(p -> p.promisedFor()).map(LocalDate::toString).orElse(""),
                "{currency}", fact.aCase().currency(),
                "{totalDue}", fact.aCase().totalDue().toPlainString(),
                "{caseId}", fact.aCase().caseId());
        String filled = raw;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        String subject = "";
        if (filled.startsWith("Subject:")) {
            int end = filled.indexOf('\n');
            subject = filled.substring("Subject:".length(), end < 0 ? filled.length() : end).trim();
            filled = end < 0 ? "" : filled.substring(end + 1);
        }
        return new Message(subject, filled.strip());
    }

    private Optional<String> text(String template, String language) {
        String name = template + "_" + language + ".txt";
        if (directory.isPresent()) {
            Path file = directory.get().resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(BUILT_IN + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
