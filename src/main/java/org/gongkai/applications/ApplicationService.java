package org.gongkai.applications;

import org.gongkai.accounts.Secrets;
import org.gongkai.limits.Limiter;
import org.gongkai.qr.ShortCodes;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;
import org.gongkai.web.TooManyRequests;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applications and their deadlines: 20 working days from receipt (or from the corrected request), 20 more once when
 * extended. The public lookup needs number and check code and answers the same for a wrong code as for no such
 * number. Wrong codes slow down the caller who sends them, never the application: numbers are sequential, so a lock
 * per number would let anyone lock every applicant out. A caller is an address, or a touchscreen (its address and
 * screen id: kiosks in one hall may share an address); see {@link #LOOKUP_RULES}.
 */
public final class ApplicationService {
    public record Created(Application application, String checkCode) {}

    /** Who looks an application up: an address, and the touchscreen when the lookup comes from one (else null). */
    public record Caller(String address, String screenId) {}

    static final int MAX_YEARS_BACK = 5;
    /** Wrong check codes allowed to one address (no screen) in 15 minutes. */
    static final Limiter.Rule BY_ADDRESS = new Limiter.Rule("lookup-address", 5, Duration.ofMinutes(15));
    /** ...to one touchscreen in 5 minutes: the person in front of it is there in person, and the next one waits less. */
    static final Limiter.Rule BY_SCREEN = new Limiter.Rule("lookup-screen", 5, Duration.ofMinutes(5));
    /** ...to one address whatever the screen, so that naming screens in turn gains a guesser little. */
    static final Limiter.Rule ADDRESS_TOTAL = new Limiter.Rule("lookup-address-total", 30, Duration.ofMinutes(15));
    static final java.util.List<Limiter.Rule> LOOKUP_RULES = java.util.List.of(BY_ADDRESS, BY_SCREEN, ADDRESS_TOTAL);
    /** Applications one touchscreen takes in an hour: far more than a hall's queue, far fewer than a flood. */
    static final Limiter.Rule SUBMIT_BY_SCREEN = new Limiter.Rule("submit-screen", 10, Duration.ofHours(1));
    /** ...that one address sends from the mobile page in an hour (phones behind one carrier address share it). */
    static final Limiter.Rule SUBMIT_BY_ADDRESS = new Limiter.Rule("submit-address", 10, Duration.ofHours(1));
    private static final String NOT_FOUND = "no application with this number and check code";
    private static final String DUMMY_HASH = Secrets.sha256("no such application");

    private final ApplicationStore store;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final Limiter limiter;
    private final java.util.function.Predicate<String> departmentExists;

    public ApplicationService(ApplicationStore store, WorkCalendar calendar, Clock clock, ZoneId zone, Limiter limiter,
                              java.util.function.Predicate<String> departmentExists) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
        this.limiter = limiter;
        this.departmentExists = departmentExists;
    }

    /** department: the one that handles it, or null while the disclosure office has not routed it yet. */
    public Created create(String channel, String subject, String applicant, String contact, LocalDate receivedOn,
                          String department, String applicantType, String actor) {
        Requests.require(channel != null && Application.CHANNELS.contains(channel), "channel", "must be one of " + String.join(", ", Application.CHANNELS));
        Requests.require(subject != null && !subject.isBlank() && subject.length() <= 2000, "subject", "is required (at most 2000 characters): the information asked for");
        Requests.require(applicant != null && !applicant.isBlank() && applicant.length() <= 200, "applicant", "is required (at most 200 characters)");
        Requests.require(contact == null || contact.length() <= 200, "contact", "is longer than 200 characters");
        requireDepartment(department);
        Requests.require(applicantType == null || NationalFormat.isApplicantType(applicantType), "applicantType",
                "must be one of " + NationalFormat.APPLICANT_TYPES.stream().map(NationalFormat.Term::code).toList() + " (or left out: not recorded)");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate received = receivedOn == null ? today : receivedOn;
        Requests.require(!received.isAfter(today), "receivedOn", "cannot be in the future");
        // Deadlines and the working days left are counted day by day: a date centuries away would hold a thread.
        Requests.require(!received.isBefore(today.minusYears(MAX_YEARS_BACK)), "receivedOn",
                "cannot be more than " + MAX_YEARS_BACK + " years ago");
        String code = newCheckCode();
        String number = store.insert(Secrets.sha256(code), channel, subject.strip(), applicant.strip(),
                contact == null ? null : contact.strip(), received, department, applicantType, null, OffsetDateTime.now(clock), actor);
        return new Created(store.find(number).orElseThrow(), code);
    }

    /**
     * A citizen's own application, received today, not yet routed (the disclosure office routes it). From a
     * touchscreen (screenId, proven by the screen's secret before this) it comes in as kiosk, else as online.
     * Floods are held back per screen and per address ({@link #SUBMIT_BY_SCREEN}, {@link #SUBMIT_BY_ADDRESS}).
     */
    public Created submit(Submission submission, Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Submission s = submission.checked(today);
        Limiter.Slot slot = caller.screenId() == null ? new Limiter.Slot(SUBMIT_BY_ADDRESS, caller.address())
                : new Limiter.Slot(SUBMIT_BY_SCREEN, caller.screenId());
        long wait = limiter.acquire(slot.rule(), slot.key());
        if (wait > 0) {
            throw TooManyRequests.retryLater(wait, "too many applications from " + (caller.screenId() == null
                    ? "this address" : "this touchscreen") + " in the last hour; please try again later or apply at the counter", null);
        }
        String code = newCheckCode();
        String channel = caller.screenId() == null ? "online" : Application.KIOSK;
        String actor = caller.screenId() == null ? "(mobile page)" : "screen " + caller.screenId();
        // The form is for people: an organisation applies with its own documents, at the counter or by letter.
        String number = store.insert(Secrets.sha256(code), channel, s.subject(), s.name(), s.phone(), today, null,
                NationalFormat.NATURAL_PERSON, new Application.SelfService(s.idType(), s.idNumber(), s.phone(), s.delivery(), s.address(), s.email(),
                        caller.screenId()), OffsetDateTime.now(clock), actor);
        return new Created(store.find(number).orElseThrow(), code);
    }

    /** Eight characters of the short links' alphabet; only its hash is kept. */
    private static String newCheckCode() {
        return ShortCodes.random() + ShortCodes.random().substring(0, 2);
    }

    /** The newest applications of one department, or of all (department null). */
    public List<Application> list(String department, int limit) {
        return store.list(department, limit);
    }

    /** Hands an application to the department that handles it. */
    public Application route(Application a, String department, String actor) {
        Requests.require(department != null, "department", "is required: the code of the department that handles the application");
        requireDepartment(department);
        store.route(a.id(), department, OffsetDateTime.now(clock), actor);
        return find(a.number());
    }

    private void requireDepartment(String department) {
        Requests.require(department == null || department.length() <= 64 && departmentExists.test(department), "department",
                "'" + department + "' is not a known department");
    }

    public Application find(String number) {
        return store.find(number).orElseThrow(() -> ApiException.notFound("application " + number));
    }

    /**
     * Moves an application on: handling, correction_requested or answered, or extends it. An answer names its result
     * in the national format (result, e.g. withheld_4), from which the citizen's reply type follows, or (as before
     * the national terms were recorded) a reply type alone, whose result is then not recorded.
     */
    public Application move(String number, String status, String replyType, String result, LocalDate on, String actor) {
        Application a = find(number);
        LocalDate day = on == null ? LocalDate.now(clock.withZone(zone)) : on;
        Requests.require(!day.isBefore(a.receivedOn()), "on", "cannot be before the application was received");
        Requests.require(!day.isAfter(LocalDate.now(clock.withZone(zone))), "on", "cannot be in the future");
        Requests.require(!"answered".equals(a.status()), "status", "the application has been answered already");
        Application next;
        switch (status == null ? "" : status) {
            case "handling" -> next = with(a, "handling", a.extended(),
                    "correction_requested".equals(a.status()) ? day : a.clockStartsOn(), null, null, null);
            case "correction_requested" -> next = with(a, "correction_requested", a.extended(), a.clockStartsOn(), null, null, null);
            case "extended" -> {
                Requests.require(!a.extended(), "status", "the application has been extended once already");
                Requests.require(!"correction_requested".equals(a.status()), "status", "is waiting for a correction; it cannot be extended now");
                next = with(a, a.status(), true, a.clockStartsOn(), null, null, null);
            }
            case "answered" -> {
                Requests.require(result == null || NationalFormat.RESULTS.containsKey(result), "result",
                        "must be one of " + String.join(", ", NationalFormat.RESULTS.keySet()));
                Requests.require(result != null || replyType != null, "result",
                        "is required: the result in the national format (e.g. disclosed, partly, withheld_4)");
                String reply = replyType != null ? replyType : replyTypeOf(result);
                Requests.require(reply != null && Application.REPLY_TYPES.containsKey(reply), "replyType",
                        "must be one of " + String.join(", ", Application.REPLY_TYPES.keySet()) + ", or give result");
                next = with(a, "answered", a.extended(), a.clockStartsOn(), reply, day, result);
            }
            default -> throw ApiException.badRequest("status", "status must be handling, correction_requested, extended or answered");
        }
        store.update(next, OffsetDateTime.now(clock), actor);
        return find(number);
    }

    /**
     * What a citizen may see, only with the right check code; nothing at all otherwise. Every attempt takes a slot of
     * the caller's limits first (so that parallel guesses are counted too); a right code gives its slots back.
     */
    public Map<String, Object> lookup(String number, String code, Caller caller) {
        String n = number == null ? "" : number.strip().toUpperCase();
        String c = code == null ? "" : code.strip().toUpperCase();
        List<Limiter.Slot> slots = caller.screenId() == null
                ? List.of(new Limiter.Slot(BY_ADDRESS, caller.address()))
                : List.of(new Limiter.Slot(BY_SCREEN, caller.address() + " " + caller.screenId()),
                        new Limiter.Slot(ADDRESS_TOTAL, caller.address()));
        long wait = limiter.acquireAll(slots);
        if (wait > 0) {
            throw TooManyRequests.retryLater(wait, "too many wrong check codes from " + (caller.screenId() == null
                    ? "this address" : "this touchscreen") + "; to protect applicants, lookups from here are paused", null);
        }
        Optional<String> hash = store.checkHash(n);
        boolean right = Secrets.sameHash(hash.orElse(DUMMY_HASH), Secrets.sha256(c)) && hash.isPresent();
        if (!right) throw new ApiException(404, NOT_FOUND, null);
        limiter.releaseAll(slots);
        return publicView(find(n));
    }

    public Map<String, Object> publicView(Application a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", a.number());
        out.put("status", a.status());
        out.put("statusName", Application.STATUS_NAMES.get(a.status()) + (a.extended() ? "（已延期）" : ""));
        out.put("receivedOn", a.receivedOn());
        out.put("extended", a.extended());
        if ("answered".equals(a.status())) {
            out.put("answeredOn", a.answeredOn());
            out.put("replyType", a.replyType());
            out.put("replyName", a.result() != null && "other".equals(a.replyType()) ? NationalFormat.plainName(a.result())
                    : Application.REPLY_TYPES.get(a.replyType()));
        } else if (!"correction_requested".equals(a.status())) {
            WorkCalendar.Deadline d = deadline(a);
            out.put("deadline", d.date());
            out.put("workingDaysLeft", calendar.workingDaysLeft(LocalDate.now(clock.withZone(zone)), d.date()));
            out.put("calendarComplete", d.calendarComplete());
        }
        return out;
    }

    public WorkCalendar.Deadline deadline(Application a) {
        return calendar.addWorkingDays(a.clockStartsOn(), Application.DAYS + (a.extended() ? Application.EXTENSION_DAYS : 0));
    }

    /** What the citizen is told a national result means: 不予公开 for each withheld_n, and so on. */
    static String replyTypeOf(String result) {
        if (result == null) return null;
        if (result.equals("disclosed")) return "disclosed";
        if (result.equals("partly")) return "partly";
        if (result.startsWith("withheld_")) return "not_disclosed";
        if (result.equals("unavailable_1")) return "not_exist";
        if (result.equals("unavailable_3")) return "unclear";
        return "other";
    }

    private static Application with(Application a, String status, boolean extended, LocalDate clockStartsOn,
                                    String replyType, LocalDate answeredOn, String result) {
        return new Application(a.id(), a.number(), a.channel(), a.subject(), a.applicant(), a.contact(), a.receivedOn(),
                clockStartsOn, status, extended, replyType, answeredOn, a.createdAt(), a.updatedAt(), a.updatedBy(),
                a.department(), a.applicantType(), result, a.selfService());
    }
}
