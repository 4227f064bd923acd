package dev.collector.strategies.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.collector.strategies.book.Challenger;
import dev.collector.strategies.book.Segment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengerSplitTest {

    private static final Segment TWO_CHALLENGERS = new Segment("rest", List.of(), "standard",
            List.of(new Challenger("sms-first", 0.10), new Challenger("letters", 0.05)));
    private static final int CASES = 100_000;

    @Test
    void each_challenger_gets_its_share_within_tolerance() {
        Map<String, Integer> counts = split(new ChallengerSplit(20261123L));

        // binomial standard deviation at n = 100,000: 0.095 % for 10 %, 0.069 % for 5 %; 4 sigma
        assertThat(counts.get("sms-first") / (double) CASES).isCloseTo(0.10, within(0.004));
        assertThat(counts.get("letters") / (double) CASES).isCloseTo(0.05, within(0.003));
        assertThat(counts.get("standard") / (double) CASES).isCloseTo(0.85, within(0.005));
    }

    @Test
    void the_same_case_lands_in_the_same_arm_every_time_and_on_every_node() {
        ChallengerSplit one = new ChallengerSplit(42);
        ChallengerSplit other = new ChallengerSplit(42);   // another node, or after a restart
        for (int i = 0; i < 10_000; i++) {
            String caseId = "case-" + i;
            assertThat(other.armOf(caseId, TWO_CHALLENGERS)).isEqualTo(one.armOf(caseId, TWO_CHALLENGERS));
        }
        // pinned: a change of the hashing would silently move running cases between arms
        assertThat(one.placeOf("case-1")).isEqualTo(0.5902284148476276);
        assertThat(one.placeOf("case-2")).isEqualTo(0.2162894007284899);
    }

    @Test
    void another_seed_draws_another_sample() {
        ChallengerSplit a = new ChallengerSplit(1);
        ChallengerSplit b = new ChallengerSplit(2);
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            if (a.armOf("case-" + i, TWO_CHALLENGERS).champion() != b.armOf("case-" + i, TWO_CHALLENGERS).champion()) {
                moved++;
            }
        }
        // independent draws of a 15 % sample disagree on 2 * 0.15 * 0.85 = 25.5 % of cases
        assertThat(moved / 10_000.0).isCloseTo(0.255, within(0.03));
    }

    private static Map<String, Integer> split(ChallengerSplit split) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            counts.merge(split.armOf("case-" + i, TWO_CHALLENGERS).strategy(), 1, Integer::sum);
        }
        return counts;
    }
}
