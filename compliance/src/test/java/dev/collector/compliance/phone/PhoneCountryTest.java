package dev.collector.compliance.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneCountryTest {

    @ParameterizedTest(name = "{0} rings in {1}, {2}")
    @CsvSource({
        "+442079460000, GB, Europe/London",
        "+420212345678, CZ, Europe/Prague",
        "+4930123456, DE, Europe/Berlin",
        "+33142685300, FR, Europe/Paris",
        "+3901234567, IT, Europe/Rome",
        "+353112345678, IE, Europe/Dublin",
        "+358912345678, FI, Europe/Helsinki",
        "+359212345678, BG, Europe/Sofia",
        "+37052123456, LT, Europe/Vilnius",
        "+421212345678, SK, Europe/Bratislava",
        "+352123456, LU, Europe/Luxembourg",
        "+31201234567, NL, Europe/Amsterdam",
        "+48221234567, PL, Europe/Warsaw",
        "+902121234567, TR, Europe/Istanbul",
        "+201234567890, EG, Africa/Cairo",
        "+27211234567, ZA, Africa/Johannesburg",
        "+6491234567, NZ, Pacific/Auckland",
        "+81312345678, JP, Asia/Tokyo",
        "+8613812345678, CN, Asia/Shanghai",
        "+919812345678, IN, Asia/Kolkata",
        "+97141234567, AE, Asia/Dubai",
        "+97221234567, IL, Asia/Jerusalem",
        "+966112345678, SA, Asia/Riyadh",
        "+6561234567, SG, Asia/Singapore",
        "+85221234567, HK, Asia/Hong_Kong",
    })
    void a_number_of_a_single_zone_country_rings_in_that_zone(String number, String country, String zone) {
        assertThat(PhoneCountry.countryOf(number)).contains(country);
        assertThat(PhoneCountry.singleZoneOf(number)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0} is {1}, zone unknown")
    @CsvSource({
        "+12125550100, US",
        "+14165550100, US",
        "+74951234567, RU",
        "+525512345678, MX",
        "+5511912345678, BR",
        "+61212345678, AU",
        "+34912345678, ES",
        "+351211234567, PT",
    })
    void a_number_of_a_country_with_several_zones_says_nothing_of_its_zone(String number, String country) {
        assertThat(PhoneCountry.countryOf(number)).contains(country);
        assertThat(PhoneCountry.singleZoneOf(number)).isEmpty();
    }

    @Test
    void the_longest_calling_code_wins() {
        // +35 is no calling code; +351 (Portugal) and +353 (Ireland) differ in the third digit.
        assertThat(PhoneCountry.countryOf("+351211234567")).contains("PT");
        assertThat(PhoneCountry.countryOf("+353112345678")).contains("IE");
        assertThat(PhoneCountry.countryOf("+37212345678")).contains("EE");
        assertThat(PhoneCountry.countryOf("+37112345678")).contains("LV");
        assertThat(PhoneCountry.countryOf("+38512345678")).contains("HR");
        assertThat(PhoneCountry.countryOf("+38612345678")).contains("SI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "442079460000", "0044 20 7946 0000", "+44 20 7946 0000", "+44-20", "+4420a",
        "+٤٤٢٠٧٩٤٦", "+999123456", "+8001234567"})
    void a_number_not_in_e164_or_of_an_unknown_code_has_no_country(String number) {
        assertThat(PhoneCountry.countryOf(number)).isEmpty();
        assertThat(PhoneCountry.singleZoneOf(number)).isEmpty();
    }
}
