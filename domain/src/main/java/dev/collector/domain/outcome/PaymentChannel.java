package dev.collector.domain.outcome;

/**
 * How the debtor pays (or will pay): the back office reconciles by it, and a promise to pay by
 * direct debit needs a mandate while one by bank transfer needs the reference sent.
 */
public enum PaymentChannel {
    /** Recorded before the channel was asked for; never chosen by an agent. */
    NOT_STATED,
    BANK_TRANSFER,
    CARD,
    DIRECT_DEBIT,
    CASH;

    /** The channels an agent may choose. */
    public static final java.util.List<PaymentChannel> CHOOSABLE = java.util.List.of(BANK_TRANSFER, CARD, DIRECT_DEBIT, CASH);

    /** @return empty for an unknown name or NOT_STATED */
    public static java.util.Optional<PaymentChannel> choosable(String name) {
        for (PaymentChannel channel : CHOOSABLE) {
            if (channel.name().equals(name)) {
                return java.util.Optional.of(channel);
            }
        }
        return java.util.Optional.empty();
    }
}
