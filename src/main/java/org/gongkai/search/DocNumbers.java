package org.gongkai.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers (发文字号, 示政发〔2026〕9号) and index numbers (索引号, 000000000/2026-00109) as citizens type
 * them: with any brackets or none, with or without 号, with spaces. Each is reduced to one key.
 */
final class DocNumbers {
    /** issuer's abbreviation, year in brackets (or after it 年, or a space), number, 号 */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(\\p{IsHan}{1,12}?)\\s*(?:[〔\\[(【{<《〈]\\s*((?:19|20)\\d{2})\\s*[〕\\])】}>》〉]|((?:19|20)\\d{2})\\s*(?:年|\\s))\\s*第?\\s*0*(\\d{1,5})\\s*号?");
    private static final Pattern INDEX = Pattern.compile("(?:([0-9a-z]{1,40})\\s*/\\s*)?((?:19|20)\\d{2}\\s*-\\s*\\d{1,10})");

    private DocNumbers() {}

    /** The key of a document or index number that is all of text, or null when text is neither. */
    static String key(String text) {
        String t = Text.normalize(text).strip();
        Matcher d = DOCUMENT.matcher(t);
        if (d.matches()) return document(d);
        Matcher i = INDEX.matcher(t);
        if (i.matches()) return i.group(1) == null ? strip(i.group(2)) : strip(i.group(1) + "/" + i.group(2));
        return null;
    }

    /** The keys an item is found by: its document number, and its index number whole and after the slash. */
    static Set<String> keys(String documentNumber, String indexNumber) {
        Set<String> keys = new LinkedHashSet<>();
        if (documentNumber != null && !documentNumber.isBlank()) {
            String key = key(documentNumber);
            keys.add(key != null ? key : strip(Text.normalize(documentNumber)));
        }
        if (indexNumber != null && !indexNumber.isBlank()) {
            String whole = strip(Text.normalize(indexNumber));
            keys.add(whole);
            int slash = whole.lastIndexOf('/');
            if (slash >= 0 && slash < whole.length() - 1) keys.add(whole.substring(slash + 1));
        }
        return keys;
    }

    /** What a document number's text is made of, for finding it where it is cited: 示政发 2026 9. */
    static String words(String key) {
        Matcher d = Pattern.compile("(\\p{IsHan}+)〔(\\d{4})〕(\\d+)号").matcher(key);
        return d.matches() ? d.group(1) + " " + d.group(2) + " " + d.group(3) : key;
    }

    private static String document(Matcher d) {
        String year = d.group(2) != null ? d.group(2) : d.group(3);
        return d.group(1) + "〔" + year + "〕" + d.group(4) + "号";
    }

    private static String strip(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
