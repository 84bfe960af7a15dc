package com.trunkbill.rating.model;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            "+12015550123456, false, too long: no region",
            "+11235550123, false, a national number starting with 1",
            "+10235550123, false, a national number starting with 0",
            "+4915112345678, false, Germany",
            "not-a-number, false, unparseable"})
    void usDomesticIsRegionUsAndNotPremiumRate(String number, boolean domestic, String what) {
        UsDomestic usDomestic = new UsDomestic();
        assertThat(usDomestic.test(number)).as(what).isEqualTo(domestic);
        assertThat(usDomestic.test(number)).as(what + ", decided again from the remembered verdict")
                .isEqualTo(domestic);
    }

    /**
     * What remembering a verdict by the first six national digits rests on: in libphonenumber's metadata, US is
     * the first region of country code 1 (so a number is US exactly when it matches a US pattern), and every
     * alternative of every US pattern ends in at least four free digits, so for a ten-digit national number the
     * match is decided by its first six. A newer libphonenumber that broke this fails here, not on an invoice.
     */
    @Test
    void everyUsNumberPatternLeavesTheLastFourDigitsFree() {
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        assertThat(phoneNumbers.getRegionCodesForCountryCode(1)).first().isEqualTo("US");
        PhoneMetadata us = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                .getMetadataForRegion("US");
        assertThat(us.hasLeadingDigits()).isFalse();
        List<PhoneNumberDesc> descs = List.of(us.getGeneralDesc(), us.getPremiumRate(), us.getTollFree(),
                us.getSharedCost(), us.getVoip(), us.getPersonalNumber(), us.getPager(), us.getUan(),
                us.getVoicemail(), us.getFixedLine(), us.getMobile());
        Pattern freeTail = Pattern.compile("\\\\d\\{(\\d+)}$");
        int patterns = 0;
        for (PhoneNumberDesc desc : descs) {
            if (!desc.hasNationalNumberPattern()) {
                continue;
            }
            patterns++;
            for (String alternative : topLevelAlternatives(desc.getNationalNumberPattern())) {
                Matcher tail = freeTail.matcher(alternative);
                assertThat(tail.find()).as("%s ends in free digits", alternative).isTrue();
                assertThat(Integer.parseInt(tail.group(1))).as(alternative).isGreaterThanOrEqualTo(4);
            }
        }
        assertThat(patterns).as("US patterns checked").isGreaterThanOrEqualTo(5);
    }

    /** The remembered verdicts answer as libphonenumber does, number by number, across NANP and beyond. */
    @Test
    void rememberedVerdictsAnswerAsLibphonenumberDoesForEveryNumber() {
        UsDomestic usDomestic = new UsDomestic();
        Random random = new Random(20261207);
        int domestic = 0;
        for (int i = 0; i < 200_000; i++) {
            // area codes and exchanges drawn from a few hundred prefixes, so most numbers share a prefix
            // decided earlier by another number
            String number = String.format("+1%03d%03d%04d", 200 + random.nextInt(800),
                    random.nextInt(4) * 250 + random.nextInt(3), random.nextInt(10_000));
            boolean expected = UsDomestic.decide(number);
            assertThat(usDomestic.test(number)).as(number).isEqualTo(expected);
            domestic += expected ? 1 : 0;
        }
        assertThat(domestic).as("domestic numbers among them").isBetween(10_000, 190_000);
    }

    private static List<String> topLevelAlternatives(String pattern) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        alternatives.add(pattern.substring(start));
        return alternatives;
    }
}
