package com.trunkbill.rating.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsDomesticTests {

    @ParameterizedTest(name = "{0} ({2}) domestic: {1}")
    @CsvSource({
            "+12125550123, true,  New York",
            "+13105550199, true,  Los Angeles",
            "+18005550199, true,  US toll-free counts as domestic",
            "+19005550123, false, US premium rate",
            "+14165550123, false, Canada (Toronto)",
            "+16135550123, false, Canada (Ottawa)",
            "+17875550123, false, Puerto Rico",
            "+18095550123, false, Dominican Republic",
            "+1201555,     false, too short: no region",
            "+4915112345678, false, Germany",
            "not-a-number, false, unparseable"})
    void usDomesticIsRegionUsAndNotPremiumRate(String number, boolean domestic, String what) {
        assertThat(UsDomestic.isUsDomestic(number)).as(what).isEqualTo(domestic);
    }
}
