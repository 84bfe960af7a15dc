package com.trunkbill.support;

/** Privacy rule for logs: a phone number at INFO shows only its last 4 digits. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** {@code +14155550123} becomes {@code +*******0123}; null and short values are returned masked or as is. */
    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        int keepFrom = Math.max(0, number.length() - 4);
        StringBuilder masked = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            masked.append(i < keepFrom && Character.isDigit(c) ? '*' : c);
        }
        return masked.toString();
    }
}
