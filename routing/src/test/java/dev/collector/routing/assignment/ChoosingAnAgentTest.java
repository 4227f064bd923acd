package dev.collector.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collector.domain.agent.Agent;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.domain.outcome.Disposition;
import dev.collector.domain.outcome.Outcome;
import dev.collector.routing.affinity.AffinityIndex;
import dev.collector.routing.roster.AgentRoster;
import dev.collector.routing.roster.AgentState;
import dev.collector.routing.roster.Assignment;
import dev.collector.routing.skills.AgentProfile;
import dev.collector.routing.skills.AgentProfiles;
import dev.collector.routing.skills.CollectorRole;
import dev.collector.routing.skills.QueueRules;
import dev.collector.routing.skills.WorkQueue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing decisions on crafted outcome histories and floors. */
class ChoosingAnAgentTest {

    private final TestClock clock = new TestClock();
    // a1, a2 senior Czech speakers of team north; a3 junior Czech; a4 junior Polish; a5 senior Polish of team south
    private final AgentRoster roster = new AgentRoster(clock, List.of(
            agent("a1"), agent("a2"), agent("a3"), agent("a4"), agent("a5")));
    private final AgentProfiles profiles = new AgentProfiles(List.of(
            profile("a1", CollectorRole.SENIOR, "cs", "north"),
            profile("a2", CollectorRole.SENIOR, "cs", "north"),
            profile("a3", CollectorRole.JUNIOR, "cs", "north"),
            profile("a4", CollectorRole.JUNIOR, "pl", "south"),
            profile("a5", CollectorRole.SENIOR, "pl", "south")));
    private final AffinityIndex affinities = new AffinityIndex();
    private ChoosingAnAgent routing = routing(QueueRules.defaults(), true);

    private ChoosingAnAgent routing(QueueRules rules, boolean lastResort) {
        return new ChoosingAnAgent(roster, profiles, rules, affinities,
                new RoutingSettings(Duration.ofMillis(1000), Duration.ofMinutes(30), lastResort), clock);
    }

    @Test
    void theAgentWhoObtainedTheLastPromiseGetsTheDebtorWhenReady() {
        readyInOrder("a3", "a1", "a2");
        learn(promise("d1", "a2", "2026-11-10T10:00:00Z"));

        RoutingDecision decision = routing.choose("t1", routineCase("d1", "cs"), Optional.empty());

        assertReserved(decision, "a2", Route.AFFINITY);
        assertThat(roster.status("a2").orElseThrow().assignment())
                .contains(new Assignment("t1", "case-d1", "early"));
    }

    @Test
    void theLaterOfTwoPromisesByDifferentAgentsDecides() {
        readyInOrder("a1", "a2");
        learn(promise("d1", "a2", "2026-11-12T10:00:00Z"));
        learn(promise("d1", "a1", "2026-11-02T10:00:00Z")); // older, read later from the store

        assertReserved(routing.choose("t1", routineCase("d1", "cs"), Optional.empty()), "a2", Route.AFFINITY);
    }

    @Test
    void aRefusalTeachesNoAffinity() {
        readyInOrder("a3", "a2");
        learn(new Outcome("x", "case-d1", "early", "d1", "a2", new Disposition.Refused(), "",
                Instant.parse("2026-11-10T10:00:00Z")));

        assertReserved(routing.choose("t1", routineCase("d1", "cs"), Optional.empty()), "a3", Route.QUEUE);
    }

    @Test
    void whenTheAffinityAgentIsOnAnotherCallTheQueueDecides() {
        readyInOrder("a2", "a3");
        learn(promise("d1", "a2", "2026-11-10T10:00:00Z"));
        roster.reserveChosen(new Assignment("t0", "other"), all -> Optional.of("a2"));
        roster.connect("a2");

        RoutingDecision decision = routing.choose("t1", routineCase("d1", "cs"), Optional.of(clock.instant()));

        assertReserved(decision, "a3", Route.QUEUE);
    }

    @Test
    void anAnsweredDebtorIsHeldForTheAffinityAgentFinishingHisWrapUpThenGivenToAnotherWithinTheBudget() {
        readyInOrder("a2", "a3");
        learn(promise("d1", "a2", "2026-11-10T10:00:00Z"));
        roster.reserveChosen(new Assignment("t0", "other"), all -> Optional.of("a2"));
        roster.connect("a2");
        roster.callEnded("a2");
        assertThat(roster.status("a2").orElseThrow().state()).isEqualTo(AgentState.WRAP_UP);
        Instant answered = clock.instant();

        RoutingDecision held = routing.choose("t1", routineCase("d1", "cs"), Optional.of(answered));
        assertThat(held).isEqualTo(new RoutingDecision.HoldFor("a2", answered.plusMillis(1000)));
        assertThat(roster.status("a3").orElseThrow().state()).isEqualTo(AgentState.READY);

        // he records the disposition within the hold: the debtor is his
        clock.advance(Duration.ofMillis(400));
        roster.dispositionRecorded("a2");
        assertReserved(routing.choose("t1", routineCase("d1", "cs"), Optional.of(answered)), "a2", Route.AFFINITY);
    }

    @Test
    void theHoldEndsWithinTheAbandonBudgetAndTheQueueTakesOver() {
        readyInOrder("a2", "a3");
        learn(promise("d1", "a2", "2026-11-10T10:00:00Z"));
        roster.reserveChosen(new Assignment("t0", "other"), all -> Optional.of("a2"));
        roster.connect("a2");
        roster.callEnded("a2");
        Instant answered = clock.instant();
        clock.advance(Duration.ofMillis(1000));

        assertReserved(routing.choose("t1", routineCase("d1", "cs"), Optional.of(answered)), "a3", Route.QUEUE);
    }

    @Test
    void aCallNotYetPlacedIsNeverHeldForABusyAgent() {
        readyInOrder("a2", "a3");
        learn(promise("d1", "a2", "2026-11-10T10:00:00Z"));
        roster.reserveChosen(new Assignment("t0", "other"), all -> Optional.of("a2"));
        roster.connect("a2");
        roster.callEnded("a2");

        assertReserved(routing.choose("t1", routineCase("d1", "cs"), Optional.empty()), "a3", Route.QUEUE);
    }

    @Test
    void aVipCaseGoesToTheSpecialQueueOfSeniorsEvenWhenAJuniorWaitedLonger() {
        readyInOrder("a3", "a1");
        Case vip = routineCase("d2", "cs").withRouting("cs", Set.of(Case.VIP));

        RoutingDecision decision = routing.choose("t1", vip, Optional.empty());

        assertReserved(decision, "a1", Route.QUEUE);
        assertThat(((RoutingDecision.Reserved) decision).queue()).isEqualTo(WorkQueue.SPECIAL);
    }

    @Test
    void severalDebtsPastDueMakeACaseComplicated() {
        readyInOrder("a3", "a1");
        Case twoDebts = new Case("case-d3", "early", new Debtor("d3", "Jan"), List.of(
                new Claim("c1", new BigDecimal("100.00"), "CZK", LocalDate.parse("2026-11-01")),
                new Claim("c2", new BigDecimal("200.00"), "CZK", LocalDate.parse("2026-11-10"))),
                List.of("+420601000003"), ZoneId.of("Europe/Prague"), 0, clock.instant(), 0, "cs", Set.of());

        assertThat(routing.queueOf(twoDebts)).isEqualTo(WorkQueue.SPECIAL);
        assertReserved(routing.choose("t1", twoDebts, Optional.empty()), "a1", Route.QUEUE);
    }

    @Test
    void aSeniorServesTheSpecialQueueBeforeRoutineCallsSoTheJuniorTakesTheRoutineOne() {
        readyInOrder("a1", "a3"); // the senior has waited longer
        Case routine = routineCase("d4", "cs");

        // the routine queue is a senior's last: the junior, for whom it comes first, gets it
        assertReserved(routing.choose("t1", routine, Optional.empty()), "a3", Route.QUEUE);
    }

    @Test
    void aPolishDebtorGetsAPolishSpeakingAgent() {
        readyInOrder("a3", "a1", "a4");

        assertReserved(routing.choose("t1", routineCase("d5", "pl"), Optional.empty()), "a4", Route.QUEUE);
    }

    @Test
    void aPolishVipDebtorWithNoPolishSeniorReadyOverflowsToAPolishJunior() {
        readyInOrder("a1", "a4");
        Case vip = routineCase("d6", "pl").withRouting("pl", Set.of("VIP"));

        assertReserved(routing.choose("t1", vip, Optional.empty()), "a4", Route.OVERFLOW);
    }

    @Test
    void withNobodySpeakingTheLanguageTheLastResortIsAnyReadyAgentUnlessConfiguredOtherwise() {
        readyInOrder("a3");
        assertThat(routing(QueueRules.defaults(), false).choose("t1", routineCase("d7", "de"), Optional.empty()))
                .isInstanceOf(RoutingDecision.NobodyReady.class);

        assertReserved(routing.choose("t1", routineCase("d7", "de"), Optional.empty()), "a3", Route.LAST_RESORT);
    }

    @Test
    void aCampaignRunByATeamGoesToItsMembersFirst() {
        readyInOrder("a5", "a2");
        routing = routing(new QueueRules(90, 2, Map.of("early", "north")), true);
        Case vipAnyLanguage = routineCase("d8", "").withRouting("", Set.of(Case.VIP));

        assertReserved(routing.choose("t1", vipAnyLanguage, Optional.empty()), "a2", Route.QUEUE);
    }

    @Test
    void aRequestedCallbackGoesToTheAgentItWasAgreedWithAtTheAgreedTime() {
        readyInOrder("a3", "a1", "a2");
        learn(promise("d9", "a2", "2026-11-10T10:00:00Z"));
        learn(new Outcome("cb", "case-d9", "early", "d9", "a1",
                new Disposition.CallbackRequested(clock.instant().plus(Duration.ofHours(2))), "after lunch",
                clock.instant()));

        // too early for the callback: affinity as usual
        assertReserved(routing.choose("t1", routineCase("d9", "cs"), Optional.empty()), "a2", Route.AFFINITY);
        roster.release("a2");

        clock.advance(Duration.ofHours(2).minusMinutes(5));
        assertReserved(routing.choose("t2", routineCase("d9", "cs"), Optional.empty()), "a1", Route.CALLBACK_OWNER);
    }

    @Test
    void nobodyReadyIsSaid() {
        roster.logIn("a1");
        assertThat(routing.choose("t1", routineCase("d1", "cs"), Optional.empty()))
                .isInstanceOf(RoutingDecision.NobodyReady.class);
    }

    private void readyInOrder(String... agentIds) {
        for (String id : agentIds) {
            roster.logIn(id);
            roster.ready(id);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private void learn(Outcome outcome) {
        affinities.learn(outcome);
    }

    private static void assertReserved(RoutingDecision decision, String agentId, Route route) {
        assertThat(decision).isInstanceOf(RoutingDecision.Reserved.class);
        RoutingDecision.Reserved reserved = (RoutingDecision.Reserved) decision;
        assertThat(reserved.agent().agentId()).isEqualTo(agentId);
        assertThat(reserved.route()).isEqualTo(route);
    }

    private static Outcome promise(String debtorId, String agentId, String at) {
        return new Outcome("o-" + debtorId + "-" + agentId + "-" + at, "case-" + debtorId, "early", debtorId, agentId,
                new Disposition.PromiseToPay(new BigDecimal("100.00"), LocalDate.parse("2026-12-01")), "",
                Instant.parse(at));
    }

    /** One debt, 23 days past due: the junior queue. */
    private Case routineCase(String debtorId, String language) {
        return new Case("case-" + debtorId, "early", new Debtor(debtorId, "Debtor " + debtorId),
                List.of(new Claim("c1", new BigDecimal("500.00"), "CZK", LocalDate.parse("2026-10-31"))),
                List.of("+420601000001"), ZoneId.of("Europe/Prague"), 0, Instant.parse("2026-11-20T08:00:00Z"), 0,
                language, Set.of());
    }

    private static Agent agent(String id) {
        return new Agent(id, "Agent " + id, "Local/" + id + "@agents");
    }

    private static AgentProfile profile(String id, CollectorRole role, String language, String team) {
        return new AgentProfile(id, role, Set.of(language), Set.of(team), AgentProfile.usualQueues(role));
    }
}
