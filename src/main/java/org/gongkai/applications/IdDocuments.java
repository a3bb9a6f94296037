package org.gongkai.applications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identity documents an applicant may name, and what each number must look like. A resident identity card's
 * number is checked in full (GB 11643-1999: six digits of region, a real date of birth, three of order and the check
 * character of ISO 7064 MOD 11-2); the others by their published formats.
 */
public final class IdDocuments {
    /** type -> its name as the form shows it */
    public static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("resident_id", "居民身份证");
        TYPES.put("hk_macao_permit", "港澳居民来往内地通行证");
        TYPES.put("taiwan_permit", "台湾居民来往大陆通行证");
        TYPES.put("foreign_permanent_id", "外国人永久居留身份证");
        TYPES.put("passport", "护照");
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Pattern EIGHTEEN = Pattern.compile("[1-9]\\d{16}[0-9X]");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern HK_MACAO = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}(\\d{2})?");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

    private static final int OLDEST = 130;

    private IdDocuments() {}

    /** Upper case, without the spaces people type between groups of digits. */
    public static String normalise(String number) {
        return number == null ? "" : number.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** What is wrong with number as a document of type (normalised first), or null when nothing is. */
    public static String problem(String type, String number, LocalDate today) {
        String n = normalise(number);
        if (n.isEmpty()) return "is required";
        return switch (type) {
            case "resident_id" -> residentIdProblem(n, today);
            case "hk_macao_permit" -> HK_MACAO.matcher(n).matches() ? null : "must be H or M and 8 digits (a renewed permit: and 2 more)";
            case "taiwan_permit" -> TAIWAN.matcher(n).matches() ? null : "must be 8 digits (an older permit: 10)";
            case "foreign_permanent_id" -> FOREIGN_2017.matcher(n).matches() || n.startsWith("9") && residentIdProblem(n, today) == null
                    ? null : "must be 3 letters and 12 digits (2017 card) or 18 characters beginning with 9 (2023 card)";
            case "passport" -> PASSPORT.matcher(n).matches() ? null : "must be 5 to 20 letters and digits";
            default -> "has an unknown document type";
        };
    }

    private static String residentIdProblem(String n, LocalDate today) {
        if (!EIGHTEEN.matcher(n).matches()) return "must be 18 characters: 17 digits and a digit or X";
        try {
            LocalDate born = LocalDate.parse(n.substring(6, 14), BIRTH);
            if (born.isAfter(today) || born.isBefore(today.minusYears(OLDEST))) return "has a date of birth that cannot be right";
        } catch (DateTimeParseException e) {
            return "has a date of birth that is not a real date (characters 7 to 14)";
        }
        return n.charAt(17) == checkCharacter(n) ? null : "does not pass its check (the last character): please check every digit";
    }

    /** The 18th character of a resident identity card number, from its first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
