package dev.collector.caseloader.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "{0} is {1} units and {2} nanos")
    @CsvSource({
            "1234.50, 1234, 500000000",
            "0.01, 0, 10000000",
            "0.1, 0, 100000000",
            "19.99, 19, 990000000",
            "100, 100, 0",
            "-12.34, -12, -340000000",
            "-0.5, 0, -500000000",
            "+7.000000001, 7, 1",
            "9223372036854775807.999999999, 9223372036854775807, 999999999",
    })
    void decimalTextBecomesExactMoney(String text, long units, int nanos) {
        Money money = Amounts.toMoney(text, "CZK");

        assertThat(money.getUnits()).isEqualTo(units);
        assertThat(money.getNanos()).isEqualTo(nanos);
        assertThat(money.getCurrencyCode()).isEqualTo("CZK");
    }

    @Test
    void amountsThatBinaryFloatingPointWouldBlurStayExact() {
        // 0.1 + 0.2 and 1234567.89 are not representable as doubles; Money must not see that.
        assertThat(Amounts.toMoney("1234567.89", "EUR").getNanos()).isEqualTo(890_000_000);
        assertThat(Amounts.toMoney("90071992547409.93", "EUR").getUnits()).isEqualTo(90071992547409L);
        assertThat(Amounts.toMoney("90071992547409.93", "EUR").getNanos()).isEqualTo(930_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,234.50", "12,50", "1e3", "abc", "12.", ".5", "1 000", "NaN"})
    void textThatIsNoPlainDecimalIsRefused(String text) {
        assertThatThrownBy(() -> Amounts.toMoney(text, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreDecimalsThanNanosHoldAndAmountsBeyondALongAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Amounts.toMoney("1.1234567891", "EUR")).hasMessageContaining("more than 9 decimals");
        assertThatThrownBy(() -> Amounts.toMoney("9223372036854775808", "EUR")).hasMessageContaining("too large");
    }
}
