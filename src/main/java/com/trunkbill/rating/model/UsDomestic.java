package com.trunkbill.rating.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.function.Predicate;

/**
 * SPEC §4.3, §9: a number is US domestic when libphonenumber gives it the region {@code US} and its type is
 * not {@code PREMIUM_RATE}. Toll-free counts as domestic; Canada, Puerto Rico and the other NANP regions do
 * not; a number with no region (unparseable, unassigned area code) does not.
 *
 * <p>libphonenumber decides a {@code +1} number with ten national digits by its first six (the area code and
 * the exchange): US is the first region of country code 1, and every US pattern ends in at least four free
 * digits ({@code UsDomesticTests} checks both against the metadata in use). So a verdict is remembered by
 * those six digits, and the parse and the three pattern cascades behind it (a sixth of the reading threads'
 * time in a 10M-CDR import) run once per exchange instead of once per call. Other numbers are decided each
 * time. One instance may serve several threads: a verdict is one byte, written whole, and the same for every
 * thread that computes it.
 */
public final class UsDomestic implements Predicate<String> {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final byte UNKNOWN = 0;
    private static final byte DOMESTIC = 1;
    private static final byte NOT_DOMESTIC = 2;

    /** Verdicts by the first six national digits of a ten-digit +1 number whose first digit is 2-9. */
    private final byte[] byExchange = new byte[1_000_000];

    @Override
    public boolean test(String e164) {
        int exchange = exchangeOf(e164);
        if (exchange < 0) {
            return decide(e164);
        }
        byte known = byExchange[exchange];
        if (known != UNKNOWN) {
            return known == DOMESTIC;
        }
        boolean domestic = decide(e164);
        byExchange[exchange] = domestic ? DOMESTIC : NOT_DOMESTIC;
        return domestic;
    }

    /** libphonenumber's answer for one number, nothing remembered. */
    static boolean decide(String e164) {
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

    /** The first six national digits of {@code +1} and ten digits, the first 2-9; otherwise -1. */
    private static int exchangeOf(String e164) {
        if (e164 == null || e164.length() != 12 || !e164.startsWith("+1") || e164.charAt(2) < '2'
                || e164.charAt(2) > '9') {
            return -1;
        }
        int exchange = 0;
        for (int i = 2; i < 12; i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (i < 8) {
                exchange = exchange * 10 + (c - '0');
            }
        }
        return exchange;
    }
}
