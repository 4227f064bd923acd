package dev.collector.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void aPhoneNumberKeepsItsCountryAndLastThreeDigitsOnly() {
        assertThat(Pii.phone("+420601234567")).isEqualTo("+42*******567").doesNotContain("601234");
        assertThat(Pii.phone("601234567")).isEqualTo("60****567");
        assertThat(Pii.phone("12345")).isEqualTo("***");
        assertThat(Pii.phone(null)).isEqualTo("***");
    }

    @Test
    void anEmailAddressKeepsItsFirstLetterAndDomain() {
        assertThat(Pii.email("jana.novak@example.cz")).isEqualTo("j***@example.cz");
        assertThat(Pii.email("no-at-sign")).isEqualTo("***");
    }

    @Test
    void aNameBecomesInitials() {
        assertThat(Pii.name("Jana  Novakova")).isEqualTo("J*** N***");
        assertThat(Pii.name("Łukasz Wójcik")).isEqualTo("Ł*** W***");
        assertThat(Pii.name(" ")).isEqualTo("***");
    }

    @Test
    void anAmountNeverShows() {
        assertThat(Pii.amount(new BigDecimal("1234.50"))).isEqualTo("***");
    }

    @Test
    void aMessageShowsItsLengthAndAFingerprintThatMatchesTheSameText() {
        String sms = "Dear Jana Novakova, thank you for your promise to pay CZK 1234.50 by 2026-03-05.";
        assertThat(Pii.text(sms)).startsWith("(" + sms.length() + " characters, sha256 ")
                .doesNotContain("Jana").doesNotContain("1234").isEqualTo(Pii.text(sms));
        assertThat(Pii.text(sms + "!")).isNotEqualTo(Pii.text(sms));
    }
}
