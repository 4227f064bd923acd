package dev.collector.app.followups;

import dev.collector.casequeue.HazelcastCallList;
import dev.collector.casequeue.entry.CaseStatus;
import dev.collector.compliance.ledger.Hold;
import dev.collector.compliance.ledger.HoldReason;
import dev.collector.compliance.ledger.HoldScope;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.followups.cases.CaseFact;
import dev.collector.followups.cases.CaseFacts;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Follow-ups read a case from the call list (open or closed, what is owed now) and its holds from
 * the debtor's contact record. The e-mail address and language are the CRM's (Debtor.email,
 * Case.language) when it sent them; otherwise they come from {@code contacts} (the demo makes up
 * addresses; otherwise there are none and e-mail tasks escalate to a person).
 */
public final class CallListCaseFacts implements CaseFacts {

    /** The debtor's e-mail address and language, from wherever the installation keeps them. */
    public interface DebtorContacts {
        Optional<String> email(Case aCase);

        String language(Case aCase);
    }

    private final HazelcastCallList callList;
    private final DebtorContacts contacts;

    public CallListCaseFacts(HazelcastCallList callList, DebtorContacts contacts) {
        this.callList = callList;
        this.contacts = contacts;
    }

    /** No address on file; one language for everyone. */
    public static DebtorContacts noEmail(String language) {
        return new DebtorContacts() {
            @Override
            public Optional<String> email(Case aCase) {
                return Optional.empty();
            }

            @Override
            public String language(Case aCase) {
                return language;
            }
        };
    }

    /** For the demo only: every debtor has a made-up address under the reserved {@code .invalid} domain. */
    public static DebtorContacts demo(String language) {
        return new DebtorContacts() {
            @Override
            public Optional<String> email(Case aCase) {
                return Optional.of(aCase.debtor().debtorId() + "@debtors.invalid");
            }

            @Override
            public String language(Case aCase) {
                return language;
            }
        };
    }

    @Override
    public CompletionStage<Optional<CaseFact>> current(String caseId) {
        return callList.entryOf(caseId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<CaseFact>empty());
            }
            Case aCase = found.get().aCase();
            boolean open = found.get().status() != CaseStatus.CLOSED;
            Set<String> claims = aCase.claims().stream().map(Claim::claimId).collect(Collectors.toSet());
            return callList.recordOf(aCase.debtor().debtorId()).thenApply(record -> {
                Set<HoldReason> holds = record.map(r -> r.holds().stream()
                        .filter(h -> h.scope() == HoldScope.DEBTOR
                                || (h.scope() == HoldScope.DEBT && claims.contains(h.subject())))
                        .map(Hold::reason)
                        .collect(Collectors.toSet())).orElse(Set.of());
                // the CRM's own address and language for the debtor win over what the installation makes up
                return Optional.of(new CaseFact(aCase, open, holds, aCase.debtor().email().or(() -> contacts.email(aCase)),
                        aCase.language().isEmpty() ? contacts.language(aCase) : aCase.language()));
            });
        });
    }

}
