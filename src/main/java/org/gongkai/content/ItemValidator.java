package org.gongkai.content;

import org.gongkai.catalogue.Catalogue;
import org.gongkai.web.ApiException;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/** Checks an item request and returns it normalized; every rejection names the field. */
public final class ItemValidator {
    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 500;
    static final int BODY_MAX = 200_000;
    static final int TEXT_MAX = 2_000;
    static final int LIST_MAX = 100;

    private final Catalogue catalogue;
    private final Predicate<String> departmentExists;
    private final Predicate<String> groupExists;
    private final LongPredicate isPolicy;

    public ItemValidator(Catalogue catalogue, Predicate<String> departmentExists, Predicate<String> groupExists,
                         LongPredicate isPolicy) {
        this.catalogue = catalogue;
        this.departmentExists = departmentExists;
        this.groupExists = groupExists;
        this.isPolicy = isPolicy;
    }

    public ItemInput check(ItemInput in) {
        if (in == null) throw ApiException.badRequest(null, "request body must be a JSON object");
        require(in.kind() != null, "kind", "is required (notice, guide, policy, interpretation or alert)");
        String title = text("title", in.title(), TITLE_MAX, true);
        String summary = text("summary", in.summary(), SUMMARY_MAX, false);
        String format = in.bodyFormat() == null ? "text" : in.bodyFormat();
        require(format.equals("text") || format.equals("html"), "bodyFormat", "must be text or html");
        String body = text("body", in.body(), BODY_MAX, false);
        if (body != null && format.equals("html")) body = BodyBlocks.sanitizeHtml(body);
        String department = text("department", in.department(), 64, true);
        require(departmentExists.test(department), "department", "'" + department + "' does not exist (see GET /api/departments)");
        String category = text("category", in.category(), 64, true);
        require(catalogue.category(category).isPresent(), "category", "'" + category + "' is not in the catalogue (see GET /api/categories)");
        List<String> lifeEvents = codes("lifeEvents", in.lifeEvents(), catalogue::hasLifeEvent, "life event");
        List<String> stages = codes("enterpriseStages", in.enterpriseStages(), catalogue::hasEnterpriseStage, "enterprise stage");
        List<String> tags = strings("tags", in.tags(), 50);
        List<String> groups = codes("targetGroups", in.targetGroups(), groupExists, "screen group");
        String sourceUrl = url("sourceUrl", in.sourceUrl());
        if (in.publishStart() != null && in.publishEnd() != null) {
            require(in.publishEnd().isAfter(in.publishStart()), "publishEnd", "must be after publishStart");
        }
        int priority = in.priority() == null ? 50 : in.priority();
        require(priority >= 0 && priority <= 100, "priority", "must be from 0 to 100");
        if (in.durationSeconds() != null) {
            require(in.durationSeconds() >= 1 && in.durationSeconds() <= 600, "durationSeconds", "must be from 1 to 600");
        }
        checkSchedule(in.schedule());
        ItemStatus status = in.status() == null ? ItemStatus.DRAFT : in.status();
        require(status != ItemStatus.WITHDRAWN, "status", "cannot be set to withdrawn here; use POST /api/items/{id}/withdraw");
        checkDetails(in);
        Details details = in.details();
        if (details instanceof Details.Interpretation i && i.form() == null) {
            details = new Details.Interpretation(i.policyId(), "text", i.interpreter());
        } else if (details instanceof Details.Alert a && a.hazard() == null) {
            details = new Details.Alert(a.level(), "other", a.area(), a.issuer(), a.issuedAt());
        }
        fitsColumn("lifeEvents", lifeEvents, 1000);
        fitsColumn("enterpriseStages", stages, 1000);
        fitsColumn("tags", tags, 4000);
        fitsColumn("targetGroups", groups, 4000);
        fitsColumn("schedule", in.schedule(), 4000);
        fitsColumn(in.kind().code(), details, 1_000_000);
        return in.toBuilder().title(title).summary(summary).body(body).bodyFormat(format).department(department)
                .category(category).lifeEvents(lifeEvents).enterpriseStages(stages).tags(tags).sourceUrl(sourceUrl)
                .priority(priority).targetGroups(groups).status(status).details(details).build();
    }

    /** Lists and details are stored as JSON in columns of a fixed size; say which field is too big, never a 500. */
    private static void fitsColumn(String field, Object value, int max) {
        if (value == null) return;
        int length = org.gongkai.web.Json.write(value).length();
        require(length <= max, field, "is too large: " + length + " characters stored as JSON, at most " + max);
    }

    /** The details must be the kind's own; each kind's are in the field named by its code. */
    private void checkDetails(ItemInput in) {
        if (in.details() == null) {
            require(in.kind().detailsType() == null, in.kind().code(), "is required for kind " + in.kind().code());
        } else {
            ItemKind of = in.details().kind();
            require(of == in.kind(), of.code(), "is only for kind " + of.code());
        }
        switch (in.kind()) {
            case GUIDE -> checkGuide(in.guide());
            case POLICY -> {
                text("policy.issuingBody", in.policy().issuingBody(), TEXT_MAX, true);
                text("policy.documentNumber", in.policy().documentNumber(), 100, false);
                text("policy.indexNumber", in.policy().indexNumber(), 100, false);
                text("policy.subject", in.policy().subject(), 100, false);
            }
            case INTERPRETATION -> {
                Details.Interpretation i = in.interpretation();
                require(i.policyId() != null, "interpretation.policyId", "is required: the id of the policy it interprets");
                require(isPolicy.test(i.policyId()), "interpretation.policyId", "no policy with id " + i.policyId());
                oneOf("interpretation.form", i.form() == null ? "text" : i.form(), Details.INTERPRETATION_FORMS);
                text("interpretation.interpreter", i.interpreter(), TEXT_MAX, false);
            }
            case ALERT -> {
                Details.Alert a = in.alert();
                oneOf("alert.level", a.level(), Details.ALERT_LEVELS);
                oneOf("alert.hazard", a.hazard() == null ? "other" : a.hazard(), Details.HAZARDS);
                text("alert.area", a.area(), TEXT_MAX, true);
                text("alert.issuer", a.issuer(), TEXT_MAX, false);
                require(in.publishEnd() != null, "publishEnd", "is required for an alert: when it expires");
            }
            default -> { }
        }
    }

    private void checkGuide(Details.Guide g) {
        text("guide.implementingBody", g.implementingBody(), TEXT_MAX, true);
        text("guide.applicants", g.applicants(), TEXT_MAX, false);
        strings("guide.conditions", g.conditions(), TEXT_MAX);
        strings("guide.legalBasis", g.legalBasis(), TEXT_MAX);
        list("guide.materials", g.materials());
        for (int i = 0; g.materials() != null && i < g.materials().size(); i++) {
            Details.Material m = g.materials().get(i);
            String at = "guide.materials[" + i + "]";
            require(m != null, at, "must be an object");
            text(at + ".name", m.name(), TEXT_MAX, true);
            oneOf(at + ".form", m.form(), Details.MATERIAL_FORMS);
            nonNegative(at + ".originals", m.originals());
            nonNegative(at + ".copies", m.copies());
            if (m.format() != null) oneOf(at + ".format", m.format(), Details.MATERIAL_FORMATS);
        }
        list("guide.steps", g.steps());
        for (int i = 0; g.steps() != null && i < g.steps().size(); i++) {
            require(g.steps().get(i) != null, "guide.steps[" + i + "]", "must be an object");
            text("guide.steps[" + i + "].name", g.steps().get(i).name(), TEXT_MAX, true);
        }
        list("guide.fees", g.fees());
        for (int i = 0; g.fees() != null && i < g.fees().size(); i++) {
            require(g.fees().get(i) != null, "guide.fees[" + i + "]", "must be an object");
            text("guide.fees[" + i + "].item", g.fees().get(i).item(), TEXT_MAX, true);
        }
        nonNegative("guide.statutoryDays", g.statutoryDays());
        nonNegative("guide.promisedDays", g.promisedDays());
        nonNegative("guide.visits", g.visits());
        if (g.statutoryDays() != null && g.promisedDays() != null) {
            require(g.promisedDays() <= g.statutoryDays(), "guide.promisedDays", "must not exceed guide.statutoryDays");
        }
        url("guide.onlineUrl", g.onlineUrl());
        list("guide.faq", g.faq());
    }

    private void checkSchedule(Schedule s) {
        if (s == null) return;
        List<Integer> days = s.days() == null ? List.of() : s.days();
        for (int i = 0; i < days.size(); i++) {
            require(days.get(i) != null && days.get(i) >= 1 && days.get(i) <= 7, "schedule.days[" + i + "]",
                    "must be a weekday number from 1 (Monday) to 7 (Sunday)");
        }
        List<Schedule.TimeRange> hours = s.hours() == null ? List.of() : s.hours();
        for (int i = 0; i < hours.size(); i++) {
            Schedule.TimeRange r = hours.get(i);
            require(r != null, "schedule.hours[" + i + "]", "must be an object with from and to");
            time("schedule.hours[" + i + "].from", r.from());
            time("schedule.hours[" + i + "].to", r.to());
        }
    }

    private static void time(String field, String value) {
        require(value != null && value.matches("\\d{2}:\\d{2}"), field, "must be a time HH:mm");
        try {
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a time HH:mm");
        }
    }

    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "is required");
            return null;
        }
        String v = value.strip();
        require(v.length() <= max, field, "is longer than " + max + " characters");
        require(v.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), field, "contains control characters");
        return v;
    }

    private static String url(String field, String value) {
        String v = text(field, value, TEXT_MAX, false);
        if (v == null) return null;
        try {
            URI uri = new URI(v);
            require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                    field, "must be an http:// or https:// address");
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest(field, field + " is not a valid address");
        }
        return v;
    }

    private static List<String> strings(String field, List<String> values, int max) {
        list(field, values);
        List<String> out = new ArrayList<>();
        for (int i = 0; values != null && i < values.size(); i++) {
            String v = text(field + "[" + i + "]", values.get(i), max, true);
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    private static List<String> codes(String field, List<String> values, Predicate<String> exists, String what) {
        List<String> out = strings(field, values, 64);
        for (int i = 0; i < out.size(); i++) {
            require(exists.test(out.get(i)), field + "[" + i + "]", "'" + out.get(i) + "' is not a known " + what);
        }
        return out;
    }

    private static void list(String field, Collection<?> values) {
        require(values == null || values.size() <= LIST_MAX, field, "has more than " + LIST_MAX + " entries");
    }

    private static void nonNegative(String field, Integer value) {
        require(value == null || (value >= 0 && value <= 10_000), field, "must be a whole number from 0 to 10000");
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        require(value != null && allowed.contains(value), field, "must be one of " + String.join(", ", allowed));
    }

    static void require(boolean ok, String field, String message) {
        if (!ok) throw ApiException.badRequest(field, field == null ? message : field + " " + message);
    }
}
