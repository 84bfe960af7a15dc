package com.trunkbill.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTests {

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.escape("<a href=\"x\">O'Brien & Co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; Co&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void moneyIsShownAtTheCurrencyMinorUnitHalfUp() {
        assertThat(IndexPage.money(new BigDecimal("1234.565"), "USD")).isEqualTo("1,234.57");
        assertThat(IndexPage.money(new BigDecimal("1234.5"), "JPY")).isEqualTo("1,235");
        assertThat(IndexPage.money(new BigDecimal("1.2345"), "BHD")).isEqualTo("1.235");
        assertThat(IndexPage.money(new BigDecimal("-0.125"), "EUR")).isEqualTo("-0.13");
    }
}
