package org.gongkai.search;

import java.text.Normalizer;
import java.util.Locale;

/** Text as the index compares it: full-width letters, digits and brackets as ordinary ones, lower case. */
final class Text {
    private Text() {}

    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A title as a whole, for recognising a query that is exactly it: no spaces or punctuation. */
    static String exact(String s) {
        return normalize(s).replaceAll("[\\s\\p{P}\\p{S}]+", "");
    }
}
