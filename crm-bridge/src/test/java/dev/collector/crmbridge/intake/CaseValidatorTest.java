package dev.collector.crmbridge.intake;

import static dev.collector.crmbridge.intake.WireCases.claim;
import static dev.collector.crmbridge.intake.WireCases.date;
import static dev.collector.crmbridge.intake.WireCases.money;
import static dev.collector.crmbridge.intake.WireCases.validCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.collector.domain.casework.Case;
import dev.collector.protos.v1.Debtor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    final CaseValidator validator = new CaseValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aValidCaseBecomesTheDomainCaseWithExactAmountsInTheCurrencysMinorUnit() {
        Validation validation = validator.validate(validCase("c-1", "spring")
                .addClaims(claim("cl-2", money("EUR", 80, 0), date(2026, 10, 15)))
                .addPhoneNumbers("+48501234567")
                .build(), "cases[0]");

        assertThat(validation).isInstanceOf(Validation.Valid.class);
        Case aCase = ((Validation.Valid) validation).aCase();
        assertThat(aCase.caseId()).isEqualTo("c-1");
        assertThat(aCase.campaignId()).isEqualTo("spring");
        assertThat(aCase.debtor().debtorId()).isEqualTo("d-c-1");
        assertThat(aCase.claims()).extracting(c -> c.amountDue().toPlainString()).containsExactly("120.50", "80.00");
        assertThat(aCase.totalDue()).isEqualByComparingTo("200.50");
        assertThat(aCase.currency()).isEqualTo("EUR");
        assertThat(aCase.claims().get(1).dueDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(aCase.phoneNumbers()).containsExactly("+420601123456", "+48501234567");
        assertThat(aCase.timeZone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(aCase.priority()).isEqualTo(5);
        assertThat(aCase.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void languageAndFlagsReachTheDomainCaseForRouting() {
        Case aCase = ((Validation.Valid) validator.validate(validCase("c-1", "spring")
                .setLanguage("PL").addFlags("vip").addFlags("COMPLICATED").build(), "cases[0]")).aCase();

        assertThat(aCase.language()).isEqualTo("pl");
        assertThat(aCase.flags()).containsExactlyInAnyOrder(Case.VIP, Case.COMPLICATED);
    }

    @Test
    void aCaseWithoutAClaimIsRefused() {
        assertThat(fields(validator.validate(validCase("c-1", "spring").clearClaims().build(), "cases[0]")))
                .containsExactly("cases[0].claims");
    }

    @Test
    void anUnknownLanguageAndAMalformedFlagAreNamed() {
        assertThat(fields(validator.validate(validCase("c-1", "spring")
                .setLanguage("polish").addFlags("VIP").addFlags("not a flag").build(), "cases[0]")))
                .containsExactly("cases[0].language", "cases[0].flags[1]");
    }

    @Test
    void principalInterestAndFeesThatAddUpToTheAmountDueReachTheScreen() {
        Case aCase = ((Validation.Valid) validator.validate(validCase("c-1", "spring").clearClaims()
                .addClaims(claim("cl-1", money("EUR", 120, 500_000_000), date(2026, 9, 1)).toBuilder()
                        .setPrincipal(money("EUR", 100, 0)).setInterest(money("EUR", 15, 0))
                        .setFees(money("EUR", 5, 500_000_000)))
                .addClaims(claim("cl-2", money("EUR", 40, 0), date(2026, 9, 1)).toBuilder()
                        .setPrincipal(money("EUR", 40, 0)))
                .addClaims(claim("cl-3", money("EUR", 10, 0), date(2026, 9, 1)))
                .build(), "cases[0]")).aCase();

        assertThat(aCase.claims().get(0).split()).hasValueSatisfying(split -> {
            assertThat(split.principal().toPlainString()).isEqualTo("100.00");
            assertThat(split.interest().toPlainString()).isEqualTo("15.00");
            assertThat(split.fees().toPlainString()).isEqualTo("5.50");
        });
        // a part not given counts as zero
        assertThat(aCase.claims().get(1).split()).hasValueSatisfying(split ->
                assertThat(split.fees().toPlainString()).isEqualTo("0.00"));
        assertThat(aCase.claims().get(2).split()).isEmpty();
    }

    @Test
    void aSplitThatIsNegativeTooPreciseInAnotherCurrencyOrAddsUpWrongIsRefusedNamingThePart() {
        Validation validation = validator.validate(validCase("c-1", "spring").clearClaims()
                .addClaims(claim("cl-1", money("EUR", 100, 0), date(2026, 9, 1)).toBuilder()
                        .setPrincipal(money("USD", 90, 0)).setInterest(money("EUR", -1, 0))
                        .setFees(money("EUR", 0, 5_000_000)))
                .addClaims(claim("cl-2", money("EUR", 100, 0), date(2026, 9, 1)).toBuilder()
                        .setPrincipal(money("EUR", 90, 0)).setFees(money("EUR", 5, 0)))
                .build(), "cases[0]");

        assertThat(violations(validation)).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("cases[0].claims[0].principal.currency_code",
                        "'USD' differs from the amount due's EUR; the split is in the claim's currency"),
                tuple("cases[0].claims[0].interest", "-1 is negative; an amount due cannot be"),
                tuple("cases[0].claims[0].fees", "0.005 has 3 decimal places; EUR allows at most 2"),
                tuple("cases[0].claims[1].principal",
                        "principal 90.00 + interest 0.00 + fees 5.00 = 95.00, but amount_due is 100.00: "
                                + "the parts must add up to it"));
    }

    @Test
    void theDebtorsEmailAddressIsKeptWhenItIsOneAddress() {
        Case aCase = ((Validation.Valid) validator.validate(validCase("c-1", "spring").setDebtor(
                Debtor.newBuilder().setDebtorId("d-1").setName("Jana").setEmail("jana.novakova@example.cz"))
                .build(), "cases[0]")).aCase();
        assertThat(aCase.debtor().email()).contains("jana.novakova@example.cz");
        assertThat(((Validation.Valid) validator.validate(validCase("c-2", "spring").build(), "cases[0]")).aCase()
                .debtor().email()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jana", "jana@", "@example.cz", "Jana <jana@example.cz>", "jana novakova@example.cz",
            "jana@example", "jana..n@example.cz", "a@b.cz, c@d.cz"})
    void aMalformedEmailAddressIsRefusedNamingTheField(String email) {
        assertThat(fields(validator.validate(validCase("c-1", "spring").setDebtor(
                Debtor.newBuilder().setDebtorId("d-1").setName("Jana").setEmail(email)).build(), "cases[0]")))
                .containsExactly("cases[0].debtor.email");
    }

    @Test
    void everyProblemOfACaseIsReportedAtOnce() {
        dev.collector.protos.v1.Case empty = dev.collector.protos.v1.Case.newBuilder()
                .setDebtor(Debtor.getDefaultInstance()).build();

        assertThat(fields(validator.validate(empty, "cases[7]"))).containsExactly(
                "cases[7].case_id", "cases[7].campaign_id", "cases[7].debtor.debtor_id", "cases[7].debtor.name",
                "cases[7].phone_numbers", "cases[7].time_zone", "cases[7].claims");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12345678", "+420601123456", "+123456789012345"})
    void e164NumbersOf8To15DigitsAreAccepted(String number) {
        assertThat(validator.validate(validCase("c-1", "spring").setPhoneNumbers(0, number).build(), "cases[0]"))
                .isInstanceOf(Validation.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1234567", "+1234567890123456", "00420601123456", "420601123456", "+420 601 123 456",
            "+0420601123456", "+420-601-123456"})
    void numbersNotInE164AreRefusedOneByOne(String number) {
        Validation validation = validator.validate(
                validCase("c-1", "spring").addPhoneNumbers(number).build(), "cases[2]");

        assertThat(violations(validation)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cases[2].phone_numbers[1]");
            assertThat(v.reason()).contains(number).contains("E.164");
        });
    }

    @Test
    void aMissingTimeZoneIsTakenFromANumberOfASingleZoneCountry() {
        Validation validation = validator.validate(validCase("c-1", "spring").setTimeZone("").build(), "cases[0]");

        assertThat(validation).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) validation).aCase().timeZone()).isEqualTo(ZoneId.of("Europe/Prague"));
    }

    @Test
    void aMissingTimeZoneOfANumberInSeveralZonesIsRefusedNamingTheNumber() {
        Validation validation = validator.validate(validCase("c-1", "spring").setTimeZone("")
                .clearPhoneNumbers().addPhoneNumbers("+12125550123").build(), "cases[0]");

        assertThat(violations(validation)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cases[0].time_zone");
            assertThat(v.reason()).contains("+12125550123").contains("several time zones");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"+01:00", "CET+1", "Europe/Praha", "UTC+2", "Z"})
    void onlyIanaRegionZonesAreAccepted(String zone) {
        Validation validation = validator.validate(validCase("c-1", "spring").setTimeZone(zone).build(), "cases[0]");

        assertThat(violations(validation)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cases[0].time_zone");
            assertThat(v.reason()).contains(zone).contains("IANA");
        });
    }

    @Test
    void amountsWithMoreDecimalsThanTheCurrencyHasAreRefused() {
        Validation validation = validator.validate(validCase("c-1", "spring").clearClaims()
                .addClaims(claim("eur", money("EUR", 10, 5_000_000), date(2026, 1, 1)))
                .build(), "cases[0]");
        Validation yen = validator.validate(validCase("c-2", "spring").clearClaims()
                .addClaims(claim("jpy", money("JPY", 1500, 500_000_000), date(2026, 1, 1)))
                .build(), "cases[1]");

        assertThat(violations(validation)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("cases[0].claims[0].amount_due");
            assertThat(v.reason()).isEqualTo("10.005 has 3 decimal places; EUR allows at most 2");
        });
        assertThat(violations(yen)).extracting(Violation::reason)
                .containsExactly("1500.5 has 1 decimal places; JPY allows at most 0");
    }

    @Test
    void wholeYenAreKeptWithoutDecimals() {
        Validation validation = validator.validate(validCase("c-1", "spring").clearClaims()
                .addClaims(claim("jpy", money("JPY", 15000, 0), date(2026, 1, 1))).build(), "cases[0]");

        assertThat(((Validation.Valid) validation).aCase().claims().get(0).amountDue())
                .isEqualTo(new BigDecimal("15000"));
    }

    @Test
    void currencyProblemsAreReportedOnTheCurrencyCode() {
        Validation validation = validator.validate(validCase("c-1", "spring")
                .addClaims(claim("czk", money("CZK", 100, 0), date(2026, 1, 1)))
                .addClaims(claim("euro", money("EURO", 5, 0), date(2026, 1, 1)))
                .addClaims(claim("gold", money("XAU", 1, 0), date(2026, 1, 1)))
                .addClaims(claim("none", money("", 1, 0), date(2026, 1, 1)))
                .build(), "cases[0]");

        assertThat(violations(validation)).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("cases[0].claims[1].amount_due.currency_code",
                        "CZK differs from EUR of claims[0]: all claims of a case must be in one currency"),
                tuple("cases[0].claims[2].amount_due.currency_code",
                        "\"EURO\" is not an ISO 4217 currency code (such as EUR, CZK or PLN)"),
                tuple("cases[0].claims[3].amount_due.currency_code",
                        "XAU has no minor unit (a fund, metal or test code); claims are owed in a national currency"),
                tuple("cases[0].claims[4].amount_due.currency_code",
                        "missing: the ISO 4217 currency code (such as EUR) is required"));
    }

    @Test
    void negativeAndMalformedAmountsAndBadDueDatesAreRefused() {
        Validation validation = validator.validate(validCase("c-1", "spring").clearClaims()
                .addClaims(claim("negative", money("EUR", -12, -500_000_000), date(2026, 1, 1)))
                .addClaims(claim("mixed-signs", money("EUR", 3, -1), date(2026, 1, 1)))
                .addClaims(claim("feb-30", money("EUR", 1, 0), date(2026, 2, 30)))
                .addClaims(claim("no-year", money("EUR", 1, 0), date(0, 2, 1)))
                .addClaims(dev.collector.protos.v1.Claim.newBuilder().setClaimId("nothing").build())
                .addClaims(claim("feb-30", money("EUR", 1, 0), date(2026, 3, 1)))
                .build(), "cases[0]");

        assertThat(violations(validation)).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("cases[0].claims[0].amount_due",
                        "-12.5 is negative; an amount due cannot be"),
                tuple("cases[0].claims[1].amount_due",
                        "not a valid google.type.Money: nanos must lie within ±999,999,999 and have the sign"
                                + " of units (got units 3, nanos -1)"),
                tuple("cases[0].claims[2].due_date", "2026-2-30 is not a calendar date"),
                tuple("cases[0].claims[3].due_date",
                        "0-2-1 is not a full date: year, month and day are all needed"),
                tuple("cases[0].claims[4].amount_due",
                        "missing: the amount due is required"),
                tuple("cases[0].claims[4].due_date",
                        "missing: the day the claim fell due is required"),
                tuple("cases[0].claims[5].claim_id",
                        "\"feb-30\" is also the id of claims[2]; claim ids must be unique within a case"));
    }

    private static List<Violation> violations(Validation validation) {
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) validation).violations();
    }

    private static List<String> fields(Validation validation) {
        return violations(validation).stream().map(Violation::field).toList();
    }
}
