package dev.collector.routing.desktop;

import dev.collector.domain.casework.Case;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The script's talking points for a call, by the stage of the debt (soft early, firmer late, as
 * the strategies in DOMAIN.md run), the case's flags and the debtor's last promise: the house
 * defaults, shown below the strategy's own script ({@link ScriptBook}).
 */
public final class TalkingPoints {

    private TalkingPoints() {
    }

    public static List<String> forCall(Case aCase, List<Outcome> previous, LocalDate debtorToday) {
        List<String> points = new ArrayList<>();
        points.add("Introduce yourself and the creditor; tell the debtor the call is recorded.");
        points.add("Confirm you speak to " + aCase.debtor().name() + " before naming the debt.");
        long dpd = aCase.daysPastDue(debtorToday);
        if (dpd < 30) {
            points.add("Early stage: a friendly reminder; ask when the payment can be made.");
        } else if (dpd < 90) {
            points.add("Ask for a payment date; offer an instalment plan if the whole sum is too much.");
        } else {
            points.add("Late stage: explain what follows if nothing is paid (agency, legal steps), without pressure or threats.");
        }
        lastPromise(previous).ifPresent(p -> points.add(p.promisedFor().isBefore(debtorToday)
                ? "The debtor promised " + p.amount().toPlainString() + " by " + p.promisedFor()
                        + " and did not pay: ask what happened before asking for a new date."
                : "A promise of " + p.amount().toPlainString() + " by " + p.promisedFor()
                        + " stands: confirm it rather than asking for more."));
        if (aCase.flagged(Case.VIP)) {
            points.add("VIP: courteous and brief; offer a call back at a time that suits.");
        }
        if (aCase.flagged(Case.SPECIAL_RELATIONSHIP)) {
            points.add("Special relationship: do not discuss the case with anyone but the debtor.");
        }
        points.add("If the debtor disputes the debt, asks you to stop calling, or is not the debtor: record it; do not argue.");
        return points;
    }

    private static Optional<Disposition.PromiseToPay> lastPromise(List<Outcome> previous) {
        Optional<Disposition.PromiseToPay> last = Optional.empty();
        for (Outcome o : previous) {
            if (o.disposition() instanceof Disposition.PromiseToPay p) {
                last = Optional.of(p);
            }
        }
        return last;
    }
}
