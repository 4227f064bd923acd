package dev.collector.pbx.world;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A channel to dial, {@code tech/resource}: {@code Local/5550001@debtors} for a debtor,
 * {@code Local/101@agents} or {@code PJSIP/agent-17} for an agent.
 *
 * @param resource what follows the slash, without Local's {@code /n}-style options
 * @param exten for Local, the part before {@code @}; otherwise the resource
 * @param context for Local, the part after {@code @} ({@code default} if absent)
 */
record DialString(String technology, String resource, String exten, String context) {

    /** Technologies whose channels the simulator can make for agents. */
    private static final Set<String> AGENT_TECHNOLOGIES = Set.of("Local", "PJSIP", "SIP", "IAX2", "DAHDI");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{2,}");

    static Optional<DialString> parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return Optional.empty();
        }
        String technology = canonical(text.substring(0, slash));
        String resource = text.substring(slash + 1);
        if (technology.equals("Local")) {
            int options = resource.indexOf('/');
            resource = options < 0 ? resource : resource.substring(0, options);
            int at = resource.indexOf('@');
            String exten = at < 0 ? resource : resource.substring(0, at);
            String context = at < 0 ? "default" : resource.substring(at + 1);
            return Optional.of(new DialString(technology, exten + "@" + context, exten, context));
        }
        return Optional.of(new DialString(technology, resource, resource, "default"));
    }

    /** A debtor is a phone number behind a Local channel, as the capture's {@code [debtors]}. */
    boolean isDebtorNumber() {
        return technology.equals("Local") && PHONE_NUMBER.matcher(exten).matches();
    }

    boolean isAgentEndpoint() {
        return AGENT_TECHNOLOGIES.contains(technology) && !exten.isEmpty();
    }

    boolean isLocal() {
        return technology.equals("Local");
    }

    private static String canonical(String technology) {
        for (String known : AGENT_TECHNOLOGIES) {
            if (known.equalsIgnoreCase(technology)) {
                return known;
            }
        }
        return technology;
    }
}
