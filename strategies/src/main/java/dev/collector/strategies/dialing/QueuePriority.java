package dev.collector.strategies.dialing;

/**
 * The priority a case is ranked by in its campaign's queue while a strategy is in force: the
 * priority of the stage's call action first, the CRM's own priority second (among cases of equal
 * call priority the CRM's ranking still decides), folded into the one priority the call list ranks
 * by: {@code callPriority * 1000 + crmPriority}.
 *
 * <p>Folding keeps the call list as it is (it ranks by the case's priority alone, everywhere it
 * requeues a case) and is undone by {@link #crmPart}: a case written back by the CRM bridge with the
 * priority it holds (a payment, a number added) keeps its CRM priority. The price: with strategies
 * on, a CRM priority counts modulo 1000 (0-999 as sent; negative ones as 0).
 *
 * <p>The dial <em>mode</em> of a call action is not folded in anywhere: a campaign is paced as one
 * (predictive pacing bets on the campaign's answer rate and free agents; preview hands one agent one
 * case before the dial), so mixing modes inside one campaign's queue would make both bets wrong. A
 * strategy that wants preview calls for some cases routes them to a preview campaign.
 */
public final class QueuePriority {

    public static final int MAX_CALL_PRIORITY = 100;
    static final int CRM_RANGE = 1000;

    private QueuePriority() {
    }

    /** The priority to rank by: the call's priority, then the CRM's part of {@code held}. */
    public static int of(int held, CallStep call) {
        return call.priority() * CRM_RANGE + crmPart(held);
    }

    /** The CRM's priority inside a priority this class folded (or a raw CRM priority of 0-999). */
    public static int crmPart(int priority) {
        return priority < 0 ? 0 : priority % CRM_RANGE;
    }
}
