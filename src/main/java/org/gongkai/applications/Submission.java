package org.gongkai.applications;

import org.gongkai.web.Requests;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An application a citizen sends in themselves (Art. 29 of the regulation: a data message), from a touchscreen or
 * the mobile page: who they are, how to reach them, what they ask for and how they want the answer.
 */
public record Submission(String name, String idType, String idNumber, String phone, String subject, String delivery,
                         String address, String email) {
    public static final List<String> DELIVERIES = List.of("collect", "post", "email");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** The submission stripped and checked: a 400 naming the first field that is wrong. */
    public Submission checked(LocalDate today) {
        String n = strip(name);
        Requests.require(!n.isEmpty() && n.length() <= 50, "name", "is required (at most 50 characters): the applicant's name");
        Requests.require(idType != null && IdDocuments.TYPES.containsKey(idType), "idType",
                "must be one of " + String.join(", ", IdDocuments.TYPES.keySet()));
        String id = IdDocuments.normalise(idNumber);
        String idProblem = IdDocuments.problem(idType, id, today);
        Requests.require(idProblem == null, "idNumber", "the " + IdDocuments.TYPES.get(idType) + " number " + idProblem);
        String p = strip(phone).replace(" ", "");
        Requests.require(MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches(), "phone",
                "must be a mobile number (11 digits beginning with 1) or a landline with its area code (e.g. 0571-87654321)");
        String s = strip(subject);
        Requests.require(s.length() >= 2 && s.length() <= 1000, "subject",
                "is required (2 to 1000 characters): the information asked for, by its title, number or what it is about");
        Requests.require(delivery != null && DELIVERIES.contains(delivery), "delivery", "must be one of " + String.join(", ", DELIVERIES));
        String a = strip(address);
        String e = strip(email);
        if (delivery.equals("post")) Requests.require(a.length() >= 5 && a.length() <= 300, "address", "is required for post (5 to 300 characters)");
        if (delivery.equals("email")) Requests.require(e.length() <= 200 && EMAIL.matcher(e).matches(), "email", "must be an e-mail address such as name@example.cn");
        return new Submission(n, idType, id, p, s, delivery, delivery.equals("post") ? a : null, delivery.equals("email") ? e : null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
