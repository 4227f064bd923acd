package dev.collector.app.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.collector.casequeue.CaseQueueSettings;
import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.HazelcastMember;
import dev.collector.casequeue.HazelcastSettings;
import dev.collector.compliance.audit.InMemoryComplianceAudit;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.domain.casework.Debtor;
import dev.collector.followups.cases.CaseFact;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What follow-ups read of a case, from a real call list on an embedded Hazelcast member. */
class CallListCaseFactsTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static HazelcastInstance hazelcast;
    static ExecutorService worker;
    static HazelcastCallList callList;
    static CallListCaseFacts facts;

    @BeforeAll
    static void start() {
        hazelcast = HazelcastMember.start(new HazelcastSettings(
                "case-facts-" + ProcessHandle.current().pid(), "127.0.0.1", 5951, List.of()));
        worker = Executors.newFixedThreadPool(2);
        callList = new HazelcastCallList(hazelcast, worker, CaseQueueSettings.defaults(), new InMemoryComplianceAudit(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        facts = new CallListCaseFacts(callList, CallListCaseFacts.demo("en"));
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
        worker.shutdownNow();
    }

    @Test
    void theCrmsAddressAndLanguageWinOverTheInstallationsAndACeaseContactHoldForbidsContact() throws Exception {
        Case fromCrm = admit("with-address", new Debtor("d-1", "Jana", "jana@example.cz"), "cs");
        Case bare = admit("without-address", new Debtor("d-2", "Petr"), "");

        CaseFact withAddress = facts.current(fromCrm.caseId()).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
        CaseFact withoutAddress = facts.current(bare.caseId()).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();

        assertThat(withAddress.email()).contains("jana@example.cz");
        assertThat(withAddress.language()).isEqualTo("cs");
        assertThat(withoutAddress.email()).contains("d-2@debtors.invalid"); // the demo's made-up one
        assertThat(withoutAddress.language()).isEqualTo("en");
        assertThat(withAddress.contactForbiddenBy()).isEmpty();

        // what an agent's cease-contact disposition places: every follow-up channel stops
        callList.placeHold("d-1", new Hold(HoldReason.CEASE_CONTACT, "d-1", "agent a1", NOW))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(facts.current(fromCrm.caseId()).toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow()
                .contactForbiddenBy()).contains(HoldReason.CEASE_CONTACT);
    }

    private static Case admit(String caseId, Debtor debtor, String language) throws Exception {
        Case aCase = new Case(caseId, "autumn", debtor,
                List.of(new Claim("k-" + caseId, new BigDecimal("100.00"), "CZK", LocalDate.of(2026, 9, 1))),
                List.of("+420601123456"), ZoneId.of("Europe/Prague"), 1, NOW, 0, language, Set.of());
        callList.admit(aCase).toCompletableFuture().get(10, TimeUnit.SECONDS);
        return aCase;
    }
}
