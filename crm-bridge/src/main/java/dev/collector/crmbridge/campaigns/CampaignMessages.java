package dev.collector.crmbridge.campaigns;

import com.google.protobuf.Timestamp;
import dev.collector.compliance.rules.CampaignRules;
import dev.collector.compliance.rules.ContactRules;
import dev.collector.compliance.window.CallingWindow;
import dev.collector.domain.campaign.Campaign;
import dev.collector.protos.v1.CallingRules;
import dev.collector.protos.v1.CampaignState;
import dev.collector.protos.v1.ContactLimits;
import dev.collector.protos.v1.DialMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Campaigns as the wire shows them: the rules the guard applies, every limit spelled out (a CRM
 * sees 7, not the 0 it may have sent).
 */
public final class CampaignMessages {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private CampaignMessages() {
    }

    static dev.collector.protos.v1.Campaign toWire(Campaign campaign, CampaignRules rules) {
        return dev.collector.protos.v1.Campaign.newBuilder()
                .setCampaignId(campaign.campaignId())
                .setDisplayName(campaign.displayName())
                .setDialMode(dialMode(campaign.dialMode()))
                .setCallingRules(callingRules(rules))
                .setState(state(campaign.state()))
                .setTenantId(campaign.tenantId())
                .setCreateTime(timestamp(campaign.createdAt()))
                .setStateTime(timestamp(campaign.stateChangedAt()))
                .build();
    }

    private static DialMode dialMode(dev.collector.domain.campaign.DialMode mode) {
        switch (mode) {
            case PREVIEW:
                return DialMode.DIAL_MODE_PREVIEW;
            case PROGRESSIVE:
                return DialMode.DIAL_MODE_PROGRESSIVE;
            case POWER:
                return DialMode.DIAL_MODE_POWER;
            case PREDICTIVE:
                return DialMode.DIAL_MODE_PREDICTIVE;
            default:
                throw new IllegalArgumentException("no wire dial mode for " + mode);
        }
    }

    private static CampaignState state(dev.collector.domain.campaign.CampaignState state) {
        switch (state) {
            case ACTIVE:
                return CampaignState.CAMPAIGN_STATE_ACTIVE;
            case PAUSED:
                return CampaignState.CAMPAIGN_STATE_PAUSED;
            case CLOSED:
                return CampaignState.CAMPAIGN_STATE_CLOSED;
            default:
                throw new IllegalArgumentException("no wire campaign state for " + state);
        }
    }

    /** The rules as a CRM would send them (also how the demo CRM creates its campaign). */
    public static CallingRules callingRules(CampaignRules rules) {
        CallingRules.Builder wire = CallingRules.newBuilder().setDefaults(limits(rules.defaults()));
        for (Map.Entry<String, ContactRules> country : new TreeMap<>(rules.byCountry()).entrySet()) {
            wire.putByCountry(country.getKey(), limits(country.getValue()));
        }
        return wire.build();
    }

    private static ContactLimits limits(ContactRules rules) {
        return ContactLimits.newBuilder()
                .setCallingWindow(window(rules.window()))
                .setMaxAttemptsPerDebt(rules.maxAttemptsPerDebt())
                .setAttemptPeriodDays((int) rules.attemptPeriod().toDays())
                .setQuietAfterConversationDays((int) rules.quietAfterConversation().toDays())
                .setAbandonLockoutHours((int) rules.abandonLockout().toHours())
                .build();
    }

    private static dev.collector.protos.v1.CallingWindow window(CallingWindow window) {
        var wire = dev.collector.protos.v1.CallingWindow.newBuilder()
                .setOpens(window.opens().format(HOURS_MINUTES))
                .setCloses(window.closes().equals(LocalTime.MAX) ? "24:00" : window.closes().format(HOURS_MINUTES));
        // Every day is sent as none, the way a CRM asks for it.
        if (window.days().size() < DayOfWeek.values().length) {
            window.days().stream().sorted().forEach(day -> wire.addDaysValue(day.getValue()));
        }
        return wire.build();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
