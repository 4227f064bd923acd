package dev.collector.strategies.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComparingStrategiesTest {

    @Test
    void the_t_quantile_matches_the_tables() {
        // t(0.975) from statistical tables
        assertThat(ComparingStrategies.tQuantile(0.975, 3)).isCloseTo(3.182, within(0.01));
        assertThat(ComparingStrategies.tQuantile(0.975, 5)).isCloseTo(2.571, within(0.002));
        assertThat(ComparingStrategies.tQuantile(0.975, 10)).isCloseTo(2.228, within(0.001));
        assertThat(ComparingStrategies.tQuantile(0.975, 30)).isCloseTo(2.042, within(0.001));
        assertThat(ComparingStrategies.tQuantile(0.95, 20)).isCloseTo(1.725, within(0.001));
        assertThat(ComparingStrategies.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void welch_interval_of_a_small_worked_example() {
        // champion nets 10, 12, 14 (mean 12, s² 4); challenger 20, 22, 24, 26 (mean 23, s² 6.667)
        List<CaseResult> cases = new ArrayList<>();
        for (int net : new int[] {10, 12, 14}) {
            cases.add(result("c" + net, "standard", true, net));
        }
        for (int net : new int[] {20, 22, 24, 26}) {
            cases.add(result("x" + net, "sms-first", false, net));
        }

        List<StrategyResults> report = new ComparingStrategies(0.95).compare(cases);

        assertThat(report).extracting(StrategyResults::strategy).containsExactly("standard", "sms-first");
        StrategyResults challenger = report.get(1);
        assertThat(challenger.netPerCase()).isCloseTo(23, within(1e-9));
        StrategyResults.Difference d = challenger.differenceVsChampion().orElseThrow();
        // se² = 4/3 + 6.667/4 = 3.0; df = 3² / ((4/3)²/2 + (1.6667)²/3) = 9 / (0.8889 + 0.9259) = 4.959
        assertThat(d.estimate()).isCloseTo(11, within(1e-9));
        assertThat(d.degreesOfFreedom()).isCloseTo(4.959, within(0.001));
        double halfWidth = 2.575 * Math.sqrt(3.0);   // t(0.975, 4.96) = 2.575
        assertThat(d.low()).isCloseTo(11 - halfWidth, within(0.01));
        assertThat(d.high()).isCloseTo(11 + halfWidth, within(0.01));
        assertThat(d.significant()).isTrue();
        assertThat(report.get(0).differenceVsChampion()).isEmpty();
    }

    @Test
    void the_interval_covers_the_true_difference_about_as_often_as_it_claims() {
        Random random = new Random(7);
        ComparingStrategies comparing = new ComparingStrategies(0.95);
        int covered = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            List<CaseResult> cases = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                cases.add(result("c" + i, "standard", true, 50 + 30 * random.nextGaussian()));
            }
            for (int i = 0; i < 15; i++) {
                cases.add(result("x" + i, "sms-first", false, 45 + 10 * random.nextGaussian()));
            }
            StrategyResults.Difference d = comparing.compare(cases).get(1).differenceVsChampion().orElseThrow();
            if (d.low() <= -5 && -5 <= d.high()) {
                covered++;
            }
        }
        // 95 % nominal; binomial sd over 400 runs is 1.1 %
        assertThat(covered / (double) runs).isCloseTo(0.95, within(0.035));
    }

    @Test
    void challengers_are_compared_with_the_champion_of_their_own_segment() {
        List<CaseResult> cases = List.of(
                result("a1", "standard", true, 10), result("a2", "standard", true, 12),
                new CaseResult("b1", "late", "intensive", true, 1, 1, 1, BigDecimal.valueOf(100), BigDecimal.ONE),
                new CaseResult("b2", "late", "intensive", true, 1, 1, 0, BigDecimal.valueOf(90), BigDecimal.ONE),
                new CaseResult("b3", "late", "standard", false, 1, 0, 0, BigDecimal.valueOf(50), BigDecimal.ONE),
                new CaseResult("b4", "late", "standard", false, 2, 1, 1, BigDecimal.valueOf(60), BigDecimal.ONE));

        List<StrategyResults> report = new ComparingStrategies(0.95).compare(cases);

        StrategyResults lateStandard = report.stream().filter(r -> r.segment().equals("late") && !r.champion())
                .findFirst().orElseThrow();
        assertThat(lateStandard.differenceVsChampion().orElseThrow().estimate()).isCloseTo(54 - 94, within(1e-9));
        assertThat(lateStandard.contacts()).isEqualTo(3);
        assertThat(lateStandard.promisesKept()).isEqualTo(1);
        assertThat(lateStandard.cost()).isEqualByComparingTo("2");
    }

    private static CaseResult result(String id, String strategy, boolean champion, double net) {
        return new CaseResult(id, "rest", strategy, champion, 1, 0, 0, BigDecimal.valueOf(net), BigDecimal.ZERO);
    }
}
