package dev.collector.compliance.ledger;

/**
 * Numbers nobody may call, whoever the debtor: the installation's suppression list (national
 * registers, numbers reported by carriers). A lookup the guard makes per number.
 */
@FunctionalInterface
public interface DoNotCallList {

    boolean contains(String phoneNumber);

    static DoNotCallList none() {
        return number -> false;
    }
}
