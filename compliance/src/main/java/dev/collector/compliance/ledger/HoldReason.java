package dev.collector.compliance.ledger;

/** Why a debtor, a debt or a number may not be called until the hold is lifted. */
public enum HoldReason {
    /** The debtor asked not to be contacted (FDCPA 805(c), GDPR objection). Debtor-wide. */
    CEASE_CONTACT(HoldScope.DEBTOR),
    DECEASED(HoldScope.DEBTOR),
    BANKRUPTCY(HoldScope.DEBTOR),
    /** The debtor disputes this debt: no collection call about it until the dispute is closed. */
    DISPUTE_OPEN(HoldScope.DEBT),
    /** The debtor asked that this number not be called. */
    DO_NOT_CALL(HoldScope.NUMBER),
    /** The number is not the debtor's or does not work. */
    INVALID_NUMBER(HoldScope.NUMBER);

    private final HoldScope scope;

    HoldReason(HoldScope scope) {
        this.scope = scope;
    }

    public HoldScope scope() {
        return scope;
    }
}
