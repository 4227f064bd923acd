package dev.collector.compliance.phone;

import java.time.ZoneId;
import java.util.Optional;

/**
 * What an E.164 number says about where it rings: its country (from the calling code) and, for
 * countries that keep a single time zone, that zone. Used when the CRM sent no time zone, and to
 * check the window where the number rings as well as where the debtor lives.
 */
public final class PhoneCountry {

    private PhoneCountry() {
    }

    /** ISO 3166 alpha-2 country of the number, if its calling code is known. */
    public static Optional<String> countryOf(String e164) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The zone of the number's country if the country has exactly one; empty for +1, +7, +61... */
    public static Optional<ZoneId> singleZoneOf(String e164) {
        throw new UnsupportedOperationException("TODO");
    }
}
