package dev.collector.compliance.ledger;

/** What a hold covers: the debtor as a whole, one debt (claim id) or one phone number. */
public enum HoldScope {
    DEBTOR, DEBT, NUMBER
}
