package dev.collector.bench;

import java.util.Random;

/**
 * The {@code index}-th number dialed in a day, drawn from its own random stream: whichever method
 * dials it, and whenever, the same debtor gets the same draws. Whether a person answers depends on
 * the answer rate at the moment of dialing, compared with the same uniform draw.
 */
record Debtor(double answerDraw, double machineDraw, double ringToAnswerSeconds, double talkSeconds) {

    static Debtor draw(Scenario scenario, long index) {
        Random random = new Random(scenario.seed() * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL);
        double answer = random.nextDouble();
        double machine = random.nextDouble();
        double ring = scenario.minRingToAnswerSeconds()
                + random.nextDouble() * (scenario.maxRingToAnswerSeconds() - scenario.minRingToAnswerSeconds());
        double talk = -scenario.meanTalkSeconds() * Math.log(1 - random.nextDouble());
        return new Debtor(answer, machine, ring, talk);
    }

    boolean answersInPerson(Scenario scenario, double dialedAt) {
        return answerDraw < scenario.answerRateAt(dialedAt);
    }

    boolean reachesMachine(Scenario scenario) {
        return machineDraw < scenario.machineShare();
    }
}
