package dev.collector.followups.cases;

import dev.collector.compliance.ledger.HoldReason;
import dev.collector.domain.casework.Case;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A case as it stands now, read just before a follow-up goes out: a hold placed or a payment made
 * since the task was planned must stop it.
 *
 * @param open     false once the case is closed (paid in full, withdrawn by the CRM)
 * @param holds    holds on the debtor and on the case's debts
 * @param email    the debtor's e-mail address, if the CRM gave one
 * @param language for message templates (e.g. "en", "cs")
 */
public record CaseFact(Case aCase, boolean open, Set<HoldReason> holds, Optional<String> email, String language) {

    /** Holds that stop every channel, not only calls. */
    private static final Set<HoldReason> STOP_ALL_CONTACT = EnumSet.of(HoldReason.CEASE_CONTACT,
            HoldReason.DECEASED, HoldReason.BANKRUPTCY, HoldReason.DISPUTE_OPEN);

    public CaseFact {
        Objects.requireNonNull(aCase, "aCase");
        holds = Set.copyOf(holds);
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
    }

    /** The hold that forbids contacting the debtor now, if any. */
    public Optional<HoldReason> contactForbiddenBy() {
        return holds.stream().filter(STOP_ALL_CONTACT::contains).sorted().findFirst();
    }
}
