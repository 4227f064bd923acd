package dev.collector.bench;

/**
 * The limit no real dialer reaches: a dialer that knows every debtor's outcome, ring time and talk
 * time in advance dials only the people who will answer, timed so each answers the instant an agent
 * frees. Agents then only talk and wrap up; nothing is abandoned. Debtors come from the same streams,
 * in the same order, as for the other methods (those who would not answer at that moment are skipped
 * and never dialed).
 */
final class HindsightBound {

    private HindsightBound() {
    }

    static DayResult run(Scenario scenario) {
        double[] freeAt = new double[scenario.agents()];
        long index = 0;
        long dialed = 0;
        double talk = 0;
        boolean any = true;
        while (any) {
            any = false;
            for (int agent = 0; agent < scenario.agents(); agent++) {
                double start = freeAt[agent];
                if (start >= scenario.daySeconds()) {
                    continue;
                }
                any = true;
                Debtor debtor = Debtor.draw(scenario, index++);
                while (!debtor.answersInPerson(scenario, Math.max(0, start - debtor.ringToAnswerSeconds()))) {
                    debtor = Debtor.draw(scenario, index++);
                }
                dialed++;
                talk += Math.min(start + debtor.talkSeconds(), scenario.daySeconds()) - start;
                freeAt[agent] = start + debtor.talkSeconds() + scenario.wrapUpSeconds();
            }
        }
        return new DayResult(scenario.agents(), scenario.daySeconds(), talk, dialed, dialed, 0, 0);
    }
}
