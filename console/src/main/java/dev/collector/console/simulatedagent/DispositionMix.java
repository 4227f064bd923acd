package dev.collector.console.simulatedagent;

import dev.collector.console.agentdesktop.AgentSocketProtocol;
import java.util.Random;

/**
 * How a simulated agent's calls end, as relative weights (percentages when they add up to 100).
 */
public record DispositionMix(int promiseToPay, int refused, int wrongParty, int noContact) {

    public DispositionMix {
        if (promiseToPay < 0 || refused < 0 || wrongParty < 0 || noContact < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (promiseToPay + refused + wrongParty + noContact == 0) {
            throw new IllegalArgumentException("at least one disposition needs a weight");
        }
    }

    /** A plausible collections floor: 45 % promise to pay, 25 % refused, 10 % wrong party, 20 % no contact. */
    public static DispositionMix typical() {
        return new DispositionMix(45, 25, 10, 20);
    }

    /** Draws a disposition code ({@link AgentSocketProtocol#PROMISE_TO_PAY} etc.). */
    public String pick(Random random) {
        int draw = random.nextInt(promiseToPay + refused + wrongParty + noContact);
        if (draw < promiseToPay) {
            return AgentSocketProtocol.PROMISE_TO_PAY;
        }
        draw -= promiseToPay;
        if (draw < refused) {
            return AgentSocketProtocol.REFUSED;
        }
        draw -= refused;
        return draw < wrongParty ? AgentSocketProtocol.WRONG_PARTY : AgentSocketProtocol.NO_CONTACT;
    }
}
