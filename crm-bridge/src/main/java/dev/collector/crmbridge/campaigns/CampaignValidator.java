package dev.collector.crmbridge.campaigns;

import dev.collector.casequeue.campaigns.CampaignUpdate;
import dev.collector.casequeue.campaigns.NewCampaign;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.campaign.DialMode;
import dev.collector.protos.v1.CallingRules;
import dev.collector.protos.v1.ContactLimits;
import dev.collector.protos.v1.CreateCampaignRequest;
import dev.collector.protos.v1.UpdateCampaignRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads campaigns and their calling rules off the wire into the call list's and the guard's
 * terms, naming every bad field with its path from the request's root, e.g.
 * {@code campaign.calling_rules.by_country["CZ"].calling_window.opens}. A method returns a
 * value only when it added no violation.
 */
final class CampaignValidator {

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HOURS_MINUTES = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");
    private static final String MIDNIGHT = "24:00";
    private static final int MAX_DISPLAY_NAME = 200;
    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());
    private static final ContactRules STRICTEST = ContactRules.strictest();

    private CampaignValidator() {
    }

    static Optional<NewCampaign> creation(CreateCampaignRequest request, List<Violation> violations) {
        if (!request.hasCampaign()) {
            violations.add(new Violation("campaign", "missing: the campaign to create is required"));
            return Optional.empty();
        }
        var campaign = request.getCampaign();
        int before = violations.size();
        String id = campaign.getCampaignId();
        campaignId(id, "campaign.campaign_id", violations);
        displayName(campaign.getDisplayName(), "campaign.display_name", violations);
        Optional<DialMode> dialMode = dialMode(campaign.getDialModeValue(), "campaign.dial_mode", violations);
        if (dialMode.isEmpty() && campaign.getDialModeValue() == 0) {
            violations.add(new Violation("campaign.dial_mode", "missing: the dial mode is required"
                    + " (DIAL_MODE_PREVIEW, _PROGRESSIVE, _POWER or _PREDICTIVE)"));
        }
        Optional<CampaignRules> rules = campaign.hasCallingRules()
                ? rules(id, campaign.getCallingRules(), "campaign.calling_rules", violations)
                : Optional.of(CampaignRules.strictest(id));
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewCampaign(id, campaign.getDisplayName(), dialMode.orElseThrow(), rules.orElseThrow()));
    }

    /** The parts of the update the request sets; the campaign_id is checked by the caller. */
    static Optional<CampaignUpdate> update(UpdateCampaignRequest request, List<Violation> violations) {
        int before = violations.size();
        String name = request.getDisplayName();
        displayName(name, "display_name", violations);
        Optional<DialMode> dialMode = dialMode(request.getDialModeValue(), "dial_mode", violations);
        Optional<CampaignRules> rules = request.hasCallingRules()
                ? rules(request.getCampaignId(), request.getCallingRules(), "calling_rules", violations)
                : Optional.empty();
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CampaignUpdate(name.isEmpty() ? Optional.empty() : Optional.of(name), dialMode, rules));
    }

    static void campaignId(String id, String field, List<Violation> violations) {
        if (!FieldChecks.required(id, field, "the campaign id", violations)) {
            return;
        }
        if (!CAMPAIGN_ID.matcher(id).matches()) {
            violations.add(new Violation(field, "\"" + id + "\" is not a campaign id: use 1 to 64 letters, digits,"
                    + " '-', '_' and '.'"));
        }
    }

    private static void displayName(String name, String field, List<Violation> violations) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_DISPLAY_NAME) {
            violations.add(new Violation(field, "has " + length + " characters; at most " + MAX_DISPLAY_NAME
                    + " are allowed"));
        }
    }

    /** Empty for DIAL_MODE_UNSPECIFIED (not set) without a violation. */
    private static Optional<DialMode> dialMode(int value, String field, List<Violation> violations) {
        switch (value) {
            case 0:
                return Optional.empty();
            case dev.collector.protos.v1.DialMode.DIAL_MODE_PREVIEW_VALUE:
                return Optional.of(DialMode.PREVIEW);
            case dev.collector.protos.v1.DialMode.DIAL_MODE_PROGRESSIVE_VALUE:
                return Optional.of(DialMode.PROGRESSIVE);
            case dev.collector.protos.v1.DialMode.DIAL_MODE_POWER_VALUE:
                return Optional.of(DialMode.POWER);
            case dev.collector.protos.v1.DialMode.DIAL_MODE_PREDICTIVE_VALUE:
                return Optional.of(DialMode.PREDICTIVE);
            default:
                violations.add(new Violation(field, value + " is not a dial mode this server knows"));
                return Optional.empty();
        }
    }

    static Optional<CampaignRules> rules(String campaignId, CallingRules wire, String field,
            List<Violation> violations) {
        int before = violations.size();
        Optional<ContactRules> defaults = limits(wire.getDefaults(), field + ".defaults", violations);
        Map<String, ContactRules> byCountry = new HashMap<>();
        // Sorted, so that the violations come in the same order on every try.
        for (Map.Entry<String, ContactLimits> country : new TreeMap<>(wire.getByCountryMap()).entrySet()) {
            String code = country.getKey();
            String path = field + ".by_country[\"" + code.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
            if (!COUNTRIES.contains(code)) {
                violations.add(new Violation(path, "\"" + code + "\" is not an ISO 3166-1 alpha-2 country code"
                        + " (two capital letters, such as CZ or US)"));
            }
            limits(country.getValue(), path, violations).ifPresent(rules -> byCountry.put(code, rules));
        }
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CampaignRules(campaignId, defaults.orElseThrow(), byCountry));
    }

    private static Optional<ContactRules> limits(ContactLimits wire, String field, List<Violation> violations) {
        int before = violations.size();
        Optional<CallingWindow> window = wire.hasCallingWindow()
                ? window(wire.getCallingWindow(), field + ".calling_window", violations)
                : Optional.of(STRICTEST.window());
        int attempts = inRange(wire.getMaxAttemptsPerDebt(), 1, 50, STRICTEST.maxAttemptsPerDebt(),
                field + ".max_attempts_per_debt", violations);
        int periodDays = inRange(wire.getAttemptPeriodDays(), 1, 31, (int) STRICTEST.attemptPeriod().toDays(),
                field + ".attempt_period_days", violations);
        int quietDays = inRange(wire.getQuietAfterConversationDays(), 1, 31,
                (int) STRICTEST.quietAfterConversation().toDays(), field + ".quiet_after_conversation_days", violations);
        int lockoutHours = inRange(wire.getAbandonLockoutHours(), 1, 720, (int) STRICTEST.abandonLockout().toHours(),
                field + ".abandon_lockout_hours", violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ContactRules(window.orElseThrow(), attempts, Duration.ofDays(periodDays),
                Duration.ofDays(quietDays), Duration.ofHours(lockoutHours)));
    }

    /** 0 takes the default; otherwise the value must lie within min and max. */
    private static int inRange(int value, int min, int max, int byDefault, String field, List<Violation> violations) {
        if (value == 0) {
            return byDefault;
        }
        if (value < min || value > max) {
            violations.add(new Violation(field, value + " is out of range: " + min + " to " + max
                    + ", or 0 for the default of " + byDefault));
        }
        return value;
    }

    private static Optional<CallingWindow> window(dev.collector.protos.v1.CallingWindow wire, String field,
            List<Violation> violations) {
        int before = violations.size();
        Optional<LocalTime> opens = hoursMinutes(wire.getOpens(), false, field + ".opens", "opening time", violations);
        Optional<LocalTime> closes = hoursMinutes(wire.getCloses(), true, field + ".closes", "closing time", violations);
        if (opens.isPresent() && closes.isPresent() && !opens.get().isBefore(closes.get())) {
            violations.add(new Violation(field + ".closes", "\"" + wire.getCloses() + "\" is not after the opening time \""
                    + wire.getOpens() + "\"; a window cannot span midnight (use \"24:00\" to close at midnight)"));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<Integer> given = wire.getDaysValueList();
        for (int i = 0; i < given.size(); i++) {
            int day = given.get(i);
            if (day < 1 || day > 7) {
                violations.add(new Violation(field + ".days[" + i + "]", day == 0
                        ? "DAY_OF_WEEK_UNSPECIFIED is not a day; leave days empty for every day"
                        : day + " is not a google.type.DayOfWeek"));
            } else {
                // google.type.DayOfWeek numbers the days as ISO 8601 does: MONDAY is 1.
                days.add(DayOfWeek.of(day));
            }
        }
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CallingWindow(opens.orElseThrow(), closes.orElseThrow(),
                days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days));
    }

    private static Optional<LocalTime> hoursMinutes(String text, boolean midnightAllowed, String field, String meaning,
            List<Violation> violations) {
        if (!FieldChecks.required(text, field, "the " + meaning + " (\"HH:MM\")", violations)) {
            return Optional.empty();
        }
        if (midnightAllowed && text.equals(MIDNIGHT)) {
            return Optional.of(LocalTime.MAX);
        }
        Matcher matcher = HOURS_MINUTES.matcher(text);
        if (!matcher.matches()) {
            violations.add(new Violation(field, "\"" + text + "\" is not a time of day as \"HH:MM\" on the 24-hour clock"
                    + (midnightAllowed ? " (or \"24:00\" for midnight)" : "")));
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }
}
