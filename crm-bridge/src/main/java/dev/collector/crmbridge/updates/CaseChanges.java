package dev.collector.crmbridge.updates;

import com.google.type.Money;
import dev.collector.crmbridge.intake.FieldChecks;
import dev.collector.crmbridge.intake.Violation;
import dev.collector.domain.casework.Case;
import dev.collector.domain.casework.Claim;
import dev.collector.protos.v1.UpdateCaseRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an update as the CRM sent it, against the case it is about, into the {@link CaseChange} it
 * makes, or reports every problem with it, each against the path of its field in the request.
 */
final class CaseChanges {

    static final String KINDS = "payment_received, promise_made_elsewhere, dispute_opened, dispute_closed,"
            + " cease_contact_requested, cease_contact_withdrawn, phone_added, phone_invalidated, time_zone_changed";

    private CaseChanges() {
    }

    /**
     * @param now when the update arrived: stamps the holds it places and the case's newer version
     * @return the change, or empty with the reasons added to {@code violations}
     */
    static Optional<CaseChange> read(UpdateCaseRequest request, Case aCase, Instant now, List<Violation> violations) {
        String source = "crm update " + request.getUpdateId();
        String debtorId = aCase.debtor().debtorId();
        int before = violations.size();
        CaseChange change;
        switch (request.getChangeCase()) {
            case PAYMENT_RECEIVED: {
                Optional<BigDecimal> amount = amountInCaseCurrency(request.getPaymentReceived().hasAmount(),
                        request.getPaymentReceived().getAmount(), aCase, "payment_received.amount", "a payment",
                        violations);
                change = amount.map(a -> new Payment(aCase, a, request.getPaymentReceived().getSettlesCase(), now))
                        .orElse(null);
                break;
            }
            case PROMISE_MADE_ELSEWHERE:
                change = promise(request.getPromiseMadeElsewhere(), aCase, now, violations).orElse(null);
                break;
            case DISPUTE_OPENED:
                change = disputeOpened(request.getDisputeOpened().getClaimId(), aCase, source, now, violations)
                        .orElse(null);
                break;
            case DISPUTE_CLOSED: {
                // Any claim id is taken: lifting a hold that is not there does no harm, and the claim
                // may have left the case since the dispute opened (paid off).
                String claimId = request.getDisputeClosed().getClaimId();
                List<String> claimIds = claimId.isEmpty() ? claimIdsOf(aCase) : List.of(claimId);
                change = new Dispute(false, debtorId, claimIds, source, now);
                break;
            }
            case CEASE_CONTACT_REQUESTED:
                change = new CeaseContact(true, debtorId, source, now);
                break;
            case CEASE_CONTACT_WITHDRAWN:
                change = new CeaseContact(false, debtorId, source, now);
                break;
            case PHONE_ADDED: {
                String number = request.getPhoneAdded().getPhoneNumber();
                String field = "phone_added.phone_number";
                boolean valid = FieldChecks.required(number, field, "the number to add", violations)
                        && FieldChecks.phoneNumber(number, field, violations);
                change = valid ? new NumberAdded(aCase, number, now) : null;
                break;
            }
            case PHONE_INVALIDATED: {
                String number = request.getPhoneInvalidated().getPhoneNumber();
                String field = "phone_invalidated.phone_number";
                boolean valid = FieldChecks.required(number, field, "the number found invalid", violations);
                if (valid && !aCase.phoneNumbers().contains(number)) {
                    violations.add(new Violation(field, "\"" + number + "\" is not one of the numbers of case "
                            + aCase.caseId() + "; only those can be invalidated"));
                    valid = false;
                }
                change = valid ? new NumberInvalidated(debtorId, number, source, now) : null;
                break;
            }
            case TIME_ZONE_CHANGED: {
                String zone = request.getTimeZoneChanged().getTimeZone();
                String field = "time_zone_changed.time_zone";
                Optional<ZoneId> zoneId = FieldChecks.required(zone, field, "the debtor's IANA time zone", violations)
                        ? FieldChecks.ianaZone(zone, field, violations)
                        : Optional.empty();
                change = zoneId.map(z -> new TimeZoneChange(aCase, z, now)).orElse(null);
                break;
            }
            default:
                violations.add(new Violation("change", "missing: one of " + KINDS + " is required"));
                change = null;
        }
        return violations.size() == before ? Optional.ofNullable(change) : Optional.empty();
    }

    private static Optional<CaseChange> promise(dev.collector.protos.v1.PromiseMadeElsewhere wire, Case aCase,
            Instant now, List<Violation> violations) {
        Optional<BigDecimal> amount = amountInCaseCurrency(wire.hasAmount(), wire.getAmount(), aCase,
                "promise_made_elsewhere.amount", "a promised amount", violations);
        String dateField = "promise_made_elsewhere.promised_for";
        Optional<LocalDate> promisedFor = FieldChecks.date(wire.getPromisedFor(), dateField,
                "the day the debtor promised to pay by", violations);
        LocalDate today = LocalDate.ofInstant(now, aCase.timeZone());
        if (promisedFor.isPresent() && promisedFor.get().isBefore(today)) {
            violations.add(new Violation(dateField, promisedFor.get() + " is already past: it is " + today + " in "
                    + aCase.timeZone() + ", the debtor's time zone"));
            return Optional.empty();
        }
        if (amount.isEmpty() || promisedFor.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PromiseElsewhere(aCase.caseId(), amount.get(), wire.getAmount().getCurrencyCode(),
                promisedFor.get(), aCase.timeZone()));
    }

    private static Optional<CaseChange> disputeOpened(String claimId, Case aCase, String source, Instant now,
            List<Violation> violations) {
        String field = "dispute_opened.claim_id";
        List<String> claimIds = claimIdsOf(aCase);
        if (claimId.isEmpty()) {
            if (claimIds.isEmpty()) {
                violations.add(new Violation(field, "empty, which means every claim of case " + aCase.caseId()
                        + ", and it has none left to dispute"));
                return Optional.empty();
            }
            return Optional.of(new Dispute(true, aCase.debtor().debtorId(), claimIds, source, now));
        }
        if (!claimIds.contains(claimId)) {
            violations.add(new Violation(field, "\"" + claimId + "\" is not a claim of case " + aCase.caseId()
                    + " (its claims: " + String.join(", ", claimIds) + "); leave it empty to dispute them all"));
            return Optional.empty();
        }
        return Optional.of(new Dispute(true, aCase.debtor().debtorId(), List.of(claimId), source, now));
    }

    /** An amount above zero, in the currency all of the case's claims are in. */
    private static Optional<BigDecimal> amountInCaseCurrency(boolean present, Money money, Case aCase, String field,
            String what, List<Violation> violations) {
        if (!present) {
            violations.add(new Violation(field, "missing: " + what + " needs an amount"));
            return Optional.empty();
        }
        String currencyField = field + ".currency_code";
        Optional<Currency> currency = FieldChecks.currency(money.getCurrencyCode(), currencyField, violations);
        if (currency.isPresent() && !aCase.currency().isEmpty()
                && !currency.get().getCurrencyCode().equals(aCase.currency())) {
            violations.add(new Violation(currencyField, currency.get() + " differs from " + aCase.currency()
                    + ", the currency of case " + aCase.caseId() + "; convert the amount to it"));
            currency = Optional.empty();
        }
        return FieldChecks.positiveAmount(money, currency, field, what, violations);
    }

    private static List<String> claimIdsOf(Case aCase) {
        return aCase.claims().stream().map(Claim::claimId).collect(Collectors.toList());
    }
}
