package dev.collector.compliance.phone;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an E.164 number says about where it rings: its country (from the calling code) and, for
 * countries that keep a single time zone, that zone. Used when the CRM sent no time zone, and to
 * check the window where the number rings as well as where the debtor lives.
 */
public final class PhoneCountry {

    private static final int LONGEST_CODE = 3;

    /** Calling code (without '+') to country and, when the whole country keeps one clock, its zone. */
    private static final Map<String, Place> BY_CALLING_CODE = table();

    private PhoneCountry() {
    }

    /** ISO 3166 alpha-2 country of the number, if its calling code is known. */
    public static Optional<String> countryOf(String e164) {
        return place(e164).map(Place::country);
    }

    /** The zone of the number's country if the country has exactly one; empty for +1, +7, +61... */
    public static Optional<ZoneId> singleZoneOf(String e164) {
        return place(e164).flatMap(Place::zone);
    }

    private static Optional<Place> place(String e164) {
        if (e164 == null || e164.length() < 2 || e164.charAt(0) != '+') {
            return Optional.empty();
        }
        for (int i = 1; i < e164.length(); i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        // Calling codes are prefix-free, so the longest known prefix is the only one; looking for
        // the longest first keeps that true should a shorter code ever be added by mistake.
        for (int length = Math.min(LONGEST_CODE, e164.length() - 1); length >= 1; length--) {
            Place place = BY_CALLING_CODE.get(e164.substring(1, 1 + length));
            if (place != null) {
                return Optional.of(place);
            }
        }
        return Optional.empty();
    }

    private record Place(String country, Optional<ZoneId> zone) {
    }

    private static Map<String, Place> table() {
        Map<String, Place> table = new HashMap<>();
        // North American Numbering Plan: also Canada and much of the Caribbean, several zones either way.
        several(table, "1", "US");
        // Also Kazakhstan (+76, +77); Russia alone spans eleven zones, so no zone is implied anyway.
        several(table, "7", "RU");
        single(table, "20", "EG", "Africa/Cairo");
        single(table, "27", "ZA", "Africa/Johannesburg");
        single(table, "30", "GR", "Europe/Athens");
        single(table, "31", "NL", "Europe/Amsterdam");
        single(table, "32", "BE", "Europe/Brussels");
        single(table, "33", "FR", "Europe/Paris");
        // The Canaries keep Atlantic/Canary, an hour behind the mainland.
        several(table, "34", "ES");
        single(table, "36", "HU", "Europe/Budapest");
        single(table, "39", "IT", "Europe/Rome");
        single(table, "40", "RO", "Europe/Bucharest");
        single(table, "41", "CH", "Europe/Zurich");
        single(table, "43", "AT", "Europe/Vienna");
        single(table, "44", "GB", "Europe/London");
        single(table, "45", "DK", "Europe/Copenhagen");
        single(table, "46", "SE", "Europe/Stockholm");
        single(table, "47", "NO", "Europe/Oslo");
        single(table, "48", "PL", "Europe/Warsaw");
        single(table, "49", "DE", "Europe/Berlin");
        several(table, "52", "MX");
        several(table, "55", "BR");
        several(table, "61", "AU");
        // The Chatham Islands (+64 3 305) keep their own clock 45 minutes ahead; a few hundred
        // people, so Auckland stands for the country.
        single(table, "64", "NZ", "Pacific/Auckland");
        single(table, "65", "SG", "Asia/Singapore");
        single(table, "81", "JP", "Asia/Tokyo");
        single(table, "82", "KR", "Asia/Seoul");
        single(table, "86", "CN", "Asia/Shanghai");
        single(table, "90", "TR", "Europe/Istanbul");
        single(table, "91", "IN", "Asia/Kolkata");
        // The Azores keep Atlantic/Azores, an hour behind Lisbon and Madeira.
        several(table, "351", "PT");
        single(table, "352", "LU", "Europe/Luxembourg");
        single(table, "353", "IE", "Europe/Dublin");
        single(table, "358", "FI", "Europe/Helsinki");
        single(table, "359", "BG", "Europe/Sofia");
        single(table, "370", "LT", "Europe/Vilnius");
        single(table, "371", "LV", "Europe/Riga");
        single(table, "372", "EE", "Europe/Tallinn");
        single(table, "385", "HR", "Europe/Zagreb");
        single(table, "386", "SI", "Europe/Ljubljana");
        single(table, "420", "CZ", "Europe/Prague");
        single(table, "421", "SK", "Europe/Bratislava");
        single(table, "852", "HK", "Asia/Hong_Kong");
        single(table, "966", "SA", "Asia/Riyadh");
        single(table, "971", "AE", "Asia/Dubai");
        single(table, "972", "IL", "Asia/Jerusalem");
        return Map.copyOf(table);
    }

    private static void single(Map<String, Place> table, String code, String country, String zone) {
        add(table, code, new Place(country, Optional.of(ZoneId.of(zone))));
    }

    private static void several(Map<String, Place> table, String code, String country) {
        add(table, code, new Place(country, Optional.empty()));
    }

    private static void add(Map<String, Place> table, String code, Place place) {
        if (code.length() > LONGEST_CODE || table.putIfAbsent(code, place) != null) {
            throw new IllegalStateException("calling code +" + code + " listed twice or too long");
        }
    }
}
