package com.trunkbill.rating.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * SPEC §4.3, §9: a number is US domestic when libphonenumber gives it the region {@code US} and its type is
 * not {@code PREMIUM_RATE}. Toll-free counts as domestic; Canada, Puerto Rico and the other NANP regions do
 * not; a number with no region (unparseable, unassigned area code) does not.
 */
public final class UsDomestic {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    private UsDomestic() {
    }

    public static boolean isUsDomestic(String e164) {
        // Only country code 1 can be US: skip the (costly) parse for everything else.
        if (e164 == null || !e164.startsWith("+1")) {
            return false;
        }
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(e164, "ZZ");
            return "US".equals(PHONE_NUMBERS.getRegionCodeForNumber(number))
                    && PHONE_NUMBERS.getNumberType(number) != PhoneNumberType.PREMIUM_RATE;
        } catch (NumberParseException e) {
            return false;
        }
    }
}
