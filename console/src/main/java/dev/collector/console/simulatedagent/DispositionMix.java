package dev.collector.console.simulatedagent;

import dev.collector.console.agentdesktop.AgentSocketProtocol;
import java.util.Random;

/**
 * How a simulated agent's calls end, as relative weights (percentages when they add up to 100).
 */
public record DispositionMix(int promiseToPay, int refused, int wrongParty, int noContact, int callbackRequested,
                             int disputed) {

    public DispositionMix {
        if (promiseToPay < 0 || refused < 0 || wrongParty < 0 || noContact < 0 || callbackRequested < 0
                || disputed < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (total(promiseToPay, refused, wrongParty, noContact, callbackRequested, disputed) == 0) {
            throw new IllegalArgumentException("at least one disposition needs a weight");
        }
    }

    /** A mix without callbacks or disputes. */
    public DispositionMix(int promiseToPay, int refused, int wrongParty, int noContact) {
        this(promiseToPay, refused, wrongParty, noContact, 0, 0);
    }

    /**
     * A plausible collections floor: 42 % promise to pay, 23 % refused, 10 % wrong party, 17 % no
     * contact, 5 % callback requested, 3 % disputed.
     */
    public static DispositionMix typical() {
        return new DispositionMix(42, 23, 10, 17, 5, 3);
    }

    /** Draws a disposition code ({@link AgentSocketProtocol#PROMISE_TO_PAY} etc.). */
    public String pick(Random random) {
        int draw = random.nextInt(total(promiseToPay, refused, wrongParty, noContact, callbackRequested, disputed));
        if (draw < promiseToPay) {
            return AgentSocketProtocol.PROMISE_TO_PAY;
        }
        draw -= promiseToPay;
        if (draw < refused) {
            return AgentSocketProtocol.REFUSED;
        }
        draw -= refused;
        if (draw < wrongParty) {
            return AgentSocketProtocol.WRONG_PARTY;
        }
        draw -= wrongParty;
        if (draw < noContact) {
            return AgentSocketProtocol.NO_CONTACT;
        }
        draw -= noContact;
        return draw < callbackRequested ? AgentSocketProtocol.CALLBACK_REQUESTED : AgentSocketProtocol.DISPUTED;
    }

    private static int total(int... weights) {
        int sum = 0;
        for (int weight : weights) {
            sum = Math.addExact(sum, weight);
        }
        return sum;
    }
}
