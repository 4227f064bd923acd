package dev.collector.casequeue.transitions;

import com.hazelcast.map.EntryProcessor;
import dev.collector.casequeue.entry.CaseEntry;
import dev.collector.domain.casework.Case;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * {@link AdmitCase} for the cases of one batch that live in one partition: one operation instead
 * of one per case, and the slice it carries is only that partition's cases (the backup replica
 * gets the same slice, not the whole batch).
 *
 * <p>A case already held in a campaign outside {@code replaceableCampaigns} is left alone and
 * reported {@link Result.Outcome#HELD_IN_OTHER_CAMPAIGN}: the caller decides whether the submitter
 * may move it (the same tenant's campaign) and retries with that campaign allowed.
 */
public final class AdmitCases implements EntryProcessor<String, CaseEntry, Object> {

    /** One case of the slice with the queue entry offered for it. */
    public record Admission(Case aCase, long offeredTicket, long rank) implements Serializable {
    }

    private final Map<String, Admission> slice;
    private final Set<String> replaceableCampaigns;

    public AdmitCases(Map<String, Admission> slice, Set<String> replaceableCampaigns) {
        this.slice = slice;
        this.replaceableCampaigns = replaceableCampaigns;
    }

    /**
     * The result travels as a built-in type ({@link Result#encode}): Hazelcast serializes each
     * key's result even on a single member, and Java-serializing a record per case cost a tenth
     * of the bulk load's CPU.
     */
    @Override
    public Object process(Map.Entry<String, CaseEntry> entry) {
        Admission admission = slice.get(entry.getKey());
        CaseEntry current = entry.getValue();
        if (current != null && !replaceableCampaigns.contains(current.aCase().campaignId())) {
            return new Result(Result.Outcome.HELD_IN_OTHER_CAMPAIGN, current.aCase().version(),
                    current.aCase().campaignId()).encode();
        }
        AdmitCase.Result result = new AdmitCase(admission.aCase(), admission.offeredTicket(), admission.rank())
                .process(entry);
        Result.Outcome outcome = !result.admitted() ? Result.Outcome.STALE_VERSION
                : result.isNew() ? Result.Outcome.ADMITTED_NEW : Result.Outcome.ADMITTED;
        return new Result(outcome, result.heldVersion(), "").encode();
    }

    /**
     * @param heldVersion  the version held before (0 for a new or unversioned case)
     * @param heldCampaign the campaign the case was in before ("" for a new case)
     */
    public record Result(Outcome outcome, long heldVersion, String heldCampaign) {
        public enum Outcome { ADMITTED_NEW, ADMITTED, STALE_VERSION, HELD_IN_OTHER_CAMPAIGN }

        /** A Long (version and outcome) in the common cases, the held campaign's id otherwise. */
        Object encode() {
            return outcome == Outcome.HELD_IN_OTHER_CAMPAIGN ? heldCampaign : heldVersion * 4 + outcome.ordinal();
        }

        public static Result decode(Object encoded) {
            if (encoded instanceof String campaign) {
                return new Result(Outcome.HELD_IN_OTHER_CAMPAIGN, 0, campaign);
            }
            long value = (Long) encoded;
            return new Result(Outcome.values()[(int) (value & 3)], value >>> 2, "");
        }
    }
}
