package org.gongkai.qr;

import org.gongkai.accounts.Secrets;

/**
 * Short-link codes: six characters of Crockford's base32 (no I, L, O, U), upper case so that the whole short URL
 * fits QR's compact alphanumeric mode. Lookups are case-insensitive.
 */
public final class ShortCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 6;

    private ShortCodes() {}

    public static String random() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(Secrets.randomInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Normalizes what a person may have typed or a scanner read; null when it cannot be a code. */
    public static String normalize(String code) {
        if (code == null || code.length() != LENGTH) return null;
        String upper = code.toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1');
        return upper.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? upper : null;
    }
}
