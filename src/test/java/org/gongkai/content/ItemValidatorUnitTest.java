package org.gongkai.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.catalogue.Catalogue;
import org.gongkai.web.ApiException;
import org.gongkai.web.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every rule of ItemValidator at its edges: each rejection is a 400 naming the field, each accepted value comes back
 * normalized. Inputs are written as the API receives them (JSON), against a small catalogue of the test's own.
 */
class ItemValidatorUnitTest {
    static final String LONG_CODE = "c".repeat(55);
    static final Catalogue CATALOGUE = new Catalogue(
            List.of(new Catalogue.Entry("notices", "公示公告", "Notices"), new Catalogue.Entry("emergency", "应急管理", "Emergency")),
            codes("event", 20), codes("stage", 20));
    static final ItemValidator VALIDATOR = new ItemValidator(CATALOGUE, Set.of("hrss", "weather")::contains,
            g -> g.startsWith("group-") || g.equals("plaza"), id -> id == 42);

    static List<Catalogue.Entry> codes(String prefix, int n) {
        List<Catalogue.Entry> out = new ArrayList<>();
        out.add(new Catalogue.Entry(prefix, prefix, prefix));
        for (int i = 0; i < n; i++) out.add(new Catalogue.Entry(prefix + i + LONG_CODE, "x", "x"));
        return out;
    }

    static ObjectNode notice() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", "notice").put("title", "社保卡换领通知").put("department", "hrss").put("category", "notices");
        return n;
    }

    static ObjectNode ofKind(String kind) {
        ObjectNode n = notice().put("kind", kind);
        switch (kind) {
            case "guide" -> n.putObject("guide").put("implementingBody", "县人社局");
            case "policy" -> n.putObject("policy").put("issuingBody", "县政府办公室");
            case "interpretation" -> n.putObject("interpretation").put("policyId", 42);
            case "alert" -> {
                n.putObject("alert").put("level", "red").put("area", "全县");
                n.put("publishEnd", "2026-11-24T00:00:00+08:00");
            }
            default -> { }
        }
        return n;
    }

    static ItemInput check(ObjectNode json) {
        try {
            return VALIDATOR.check(Json.MAPPER.treeToValue(json, ItemInput.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the test's JSON does not map to ItemInput", e);
        }
    }

    /** The 400 for the input; asserts it names the field and says why. */
    static void rejected(ObjectNode json, String field, String why) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> check(json));
        assertThat(e).as("expected " + field + " to be rejected: " + json).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + " ").contains(why);
    }

    static ArrayNode array(ObjectNode n, String field, List<?> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(v -> a.add(Json.MAPPER.valueToTree(v)));
        return a;
    }

    @Test
    void aMinimalNoticeComesBackWithItsDefaults() {
        ItemInput in = check(notice().put("title", "  社保卡换领通知 \n").put("summary", "   "));
        assertThat(in.title()).isEqualTo("社保卡换领通知");
        assertThat(in.summary()).as("blank optional text is no text").isNull();
        assertThat(in.body()).isNull();
        assertThat(in.bodyFormat()).isEqualTo("text");
        assertThat(in.priority()).isEqualTo(50);
        assertThat(in.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(in.tags()).isEmpty();
        assertThat(in.lifeEvents()).isEmpty();
        assertThat(in.targetGroups()).isEmpty();
        assertThat(in.sourceUrl()).isNull();
        assertThat(in.durationSeconds()).isNull();
    }

    @Test
    void everyFieldThatIsGivenComesBackNormalized() {
        ObjectNode n = notice().put("summary", " 摘要 ").put("sourceUrl", " https://www.gov.cn/a ")
                .put("publishStart", "2026-11-23T08:00:00+08:00").put("publishEnd", "2026-11-23T08:00:01+08:00")
                .put("priority", 0).put("durationSeconds", 1).put("status", "submitted").put("version", 3);
        array(n, "tags", List.of(" 社保 ", "社保", "医保"));
        array(n, "lifeEvents", List.of("event", "event"));
        array(n, "enterpriseStages", List.of("stage"));
        array(n, "targetGroups", List.of("plaza", "group-hall"));
        n.putObject("schedule").putArray("days").add(1).add(7);
        ItemInput in = check(n);
        assertThat(in.summary()).isEqualTo("摘要");
        assertThat(in.sourceUrl()).isEqualTo("https://www.gov.cn/a");
        assertThat(in.tags()).as("stripped, duplicates dropped, order kept").containsExactly("社保", "医保");
        assertThat(in.lifeEvents()).containsExactly("event");
        assertThat(in.enterpriseStages()).containsExactly("stage");
        assertThat(in.targetGroups()).containsExactly("plaza", "group-hall");
        assertThat(in.priority()).isZero();
        assertThat(in.durationSeconds()).isEqualTo(1);
        assertThat(in.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertThat(in.version()).isEqualTo(3);
        assertThat(in.publishStart()).isNotNull();
        assertThat(in.publishEnd()).isNotNull();
        assertThat(in.schedule().days()).containsExactly(1, 7);
        assertThat(in.kind()).isEqualTo(ItemKind.NOTICE);
        assertThat(in.department()).isEqualTo("hrss");
        assertThat(in.category()).isEqualTo("notices");
    }

    @Test
    void aMissingBodyOrKindIsNamed() {
        ApiException none = catchThrowableOfType(ApiException.class, () -> VALIDATOR.check(null));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.field()).isNull();
        assertThat(none.getMessage()).isEqualTo("request body must be a JSON object");
        ObjectNode n = notice();
        n.remove("kind");
        rejected(n, "kind", "is required");
    }

    @Test
    void textFieldsAreRequiredWhereTheyMustBeAndHaveAMaximumLength() {
        rejected(notice().put("title", " \t"), "title", "is required");
        ObjectNode untitled = notice();
        untitled.remove("title");
        rejected(untitled, "title", "is required");
        assertThat(check(notice().put("title", "题".repeat(200))).title()).hasSize(200);
        rejected(notice().put("title", "题".repeat(201)), "title", "is longer than 200 characters");
        assertThat(check(notice().put("summary", "s".repeat(500))).summary()).hasSize(500);
        rejected(notice().put("summary", "s".repeat(501)), "summary", "is longer than 500");
        assertThat(check(notice().put("body", "b".repeat(200_000))).body()).hasSize(200_000);
        rejected(notice().put("body", "b".repeat(200_001)), "body", "is longer than 200000");
        rejected(notice().put("department", "d".repeat(65)), "department", "is longer than 64");
        rejected(notice().put("category", "c".repeat(65)), "category", "is longer than 64");
    }

    @Test
    void controlCharactersAreRefusedExceptLineBreaksAndTabs() {
        assertThat(check(notice().put("title", "一\t二\r\n三 四")).title()).isEqualTo("一\t二\r\n三 四");
        rejected(notice().put("title", "标\u0000题"), "title", "contains control characters");
        rejected(notice().put("summary", "摘\u001f要"), "summary", "contains control characters");
        rejected(notice().put("body", "\u0007正文"), "body", "contains control characters");
    }

    @Test
    void htmlBodiesAreSanitizedAndTextBodiesKeptAsWritten() {
        ItemInput html = check(notice().put("bodyFormat", "html")
                .put("body", "<p onclick=\"steal()\">办理<script>alert(1)</script><b>时间</b></p><img src=x onerror=y>"));
        assertThat(html.bodyFormat()).isEqualTo("html");
        assertThat(html.body()).isEqualTo("<p>办理<b>时间</b></p>");
        ItemInput text = check(notice().put("bodyFormat", "text").put("body", "1 < 2 & <span>不是标记</span><script>x</script>"));
        assertThat(text.body()).as("a text body is shown as text, so it is kept as written")
                .isEqualTo("1 < 2 & <span>不是标记</span><script>x</script>");
        assertThat(check(notice()).body()).isNull();
        assertThat(check(notice().put("bodyFormat", "html")).body()).isNull();
        rejected(notice().put("bodyFormat", "markdown"), "bodyFormat", "must be text or html");
    }

    @Test
    void departmentCategoryCodesAndGroupsMustExist() {
        rejected(notice().put("department", "nowhere"), "department", "'nowhere' does not exist");
        ObjectNode noDepartment = notice();
        noDepartment.remove("department");
        rejected(noDepartment, "department", "is required");
        rejected(notice().put("category", "recipes"), "category", "'recipes' is not in the catalogue");
        ObjectNode noCategory = notice();
        noCategory.remove("category");
        rejected(noCategory, "category", "is required");
        ObjectNode events = notice();
        array(events, "lifeEvents", List.of("event", "wedding"));
        rejected(events, "lifeEvents[1]", "'wedding' is not a known life event");
        ObjectNode stages = notice();
        array(stages, "enterpriseStages", List.of("bankruptcy"));
        rejected(stages, "enterpriseStages[0]", "'bankruptcy' is not a known enterprise stage");
        ObjectNode groups = notice();
        array(groups, "targetGroups", List.of("plaza", "moon"));
        rejected(groups, "targetGroups[1]", "'moon' is not a known screen group");
        ObjectNode longCode = notice();
        array(longCode, "targetGroups", List.of("group-" + "g".repeat(59)));
        rejected(longCode, "targetGroups[0]", "is longer than 64");
    }

    @Test
    void listsHaveAtMostAHundredEntriesOfLimitedLength() {
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) hundred.add("t" + i);
        ObjectNode ok = notice();
        array(ok, "tags", hundred);
        assertThat(check(ok).tags()).hasSize(100);
        List<String> more = new ArrayList<>(hundred);
        more.add("t100");
        ObjectNode tooMany = notice();
        array(tooMany, "tags", more);
        rejected(tooMany, "tags", "has more than 100 entries");
        ObjectNode blank = notice();
        array(blank, "tags", List.of("a", " "));
        rejected(blank, "tags[1]", "is required");
        ObjectNode fifty = notice();
        array(fifty, "tags", List.of("标".repeat(50)));
        assertThat(check(fifty).tags()).containsExactly("标".repeat(50));
        ObjectNode fiftyOne = notice();
        array(fiftyOne, "tags", List.of("标".repeat(51)));
        rejected(fiftyOne, "tags[0]", "is longer than 50");
    }

    @Test
    void listsStoredAsJsonMustFitTheirColumns() {
        // 75 tags of 50 characters and one of 21: exactly 4,000 characters as JSON
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 75; i++) tags.add(String.format("%02d", i) + "x".repeat(48));
        tags.add("y".repeat(21));
        assertThat(Json.write(tags)).hasSize(4000);
        ObjectNode fits = notice();
        array(fits, "tags", tags);
        assertThat(check(fits).tags()).hasSize(76);
        tags.set(75, "y".repeat(22));
        ObjectNode over = notice();
        array(over, "tags", tags);
        rejected(over, "tags", "is too large: 4001 characters stored as JSON, at most 4000");

        ObjectNode events = notice();
        array(events, "lifeEvents", CATALOGUE.lifeEvents().stream().map(Catalogue.Entry::code).toList());
        rejected(events, "lifeEvents", "at most 1000");
        ObjectNode stages = notice();
        array(stages, "enterpriseStages", CATALOGUE.enterpriseStages().stream().map(Catalogue.Entry::code).toList());
        rejected(stages, "enterpriseStages", "at most 1000");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 70; i++) groups.add("group-" + i + "g".repeat(50));
        ObjectNode manyGroups = notice();
        array(manyGroups, "targetGroups", groups);
        rejected(manyGroups, "targetGroups", "at most 4000");
        ObjectNode schedule = notice();
        ArrayNode hours = schedule.putObject("schedule").putArray("hours");
        for (int i = 0; i < 200; i++) hours.addObject().put("from", "08:00").put("to", "12:00");
        rejected(schedule, "schedule", "at most 4000");
    }

    @Test
    void detailsStoredAsJsonMustFitTheirColumn() {
        ObjectNode guide = ofKind("guide");
        guide.withObjectProperty("guide").putArray("materials").addObject().put("name", "身份证").put("form", "original")
                .put("note", "n".repeat(1_000_000));
        rejected(guide, "guide", "is too large");
        ((ObjectNode) guide.withObjectProperty("guide").withArrayProperty("materials").get(0)).put("note", "n".repeat(999_000));
        assertThat(check(guide).guide().materials().get(0).note()).hasSize(999_000);
    }

    @Test
    void aSourceAddressIsAnHttpOrHttpsUrlWithAHost() {
        assertThat(check(notice().put("sourceUrl", "http://www.gov.cn")).sourceUrl()).isEqualTo("http://www.gov.cn");
        rejected(notice().put("sourceUrl", "ftp://www.gov.cn/a"), "sourceUrl", "must be an http:// or https:// address");
        rejected(notice().put("sourceUrl", "javascript:alert(1)"), "sourceUrl", "must be an http:// or https:// address");
        rejected(notice().put("sourceUrl", "https:///nohost"), "sourceUrl", "must be an http:// or https:// address");
        rejected(notice().put("sourceUrl", "/relative/path"), "sourceUrl", "must be an http:// or https:// address");
        rejected(notice().put("sourceUrl", "https://www.gov.cn/a b"), "sourceUrl", "is not a valid address");
        rejected(notice().put("sourceUrl", "https://" + "a".repeat(1990) + ".cn/x"), "sourceUrl", "is longer than 2000");
    }

    @Test
    void thePublishWindowEndsAfterItStarts() {
        rejected(notice().put("publishStart", "2026-11-23T10:00:00+08:00").put("publishEnd", "2026-11-23T10:00:00+08:00"),
                "publishEnd", "must be after publishStart");
        rejected(notice().put("publishStart", "2026-11-23T10:00:00+08:00").put("publishEnd", "2026-11-23T09:00:00+08:00"),
                "publishEnd", "must be after publishStart");
        assertThat(check(notice().put("publishEnd", "2020-01-01T00:00:00+08:00")).publishEnd()).isNotNull();
        assertThat(check(notice().put("publishStart", "2030-01-01T00:00:00+08:00")).publishStart()).isNotNull();
    }

    @Test
    void priorityAndDurationHaveTheirRanges() {
        assertThat(check(notice().put("priority", 100)).priority()).isEqualTo(100);
        rejected(notice().put("priority", -1), "priority", "must be from 0 to 100");
        rejected(notice().put("priority", 101), "priority", "must be from 0 to 100");
        assertThat(check(notice().put("durationSeconds", 600)).durationSeconds()).isEqualTo(600);
        rejected(notice().put("durationSeconds", 0), "durationSeconds", "must be from 1 to 600");
        rejected(notice().put("durationSeconds", 601), "durationSeconds", "must be from 1 to 600");
    }

    @Test
    void scheduleDaysAreWeekdaysAndHoursAreTimes() {
        ObjectNode ok = notice();
        ObjectNode s = ok.putObject("schedule");
        s.putArray("days").add(1).add(7);
        s.putArray("hours").addObject().put("from", "22:00").put("to", "06:00");
        assertThat(check(ok).schedule().hours()).extracting(Schedule.TimeRange::from).containsExactly("22:00");
        assertThat(check(notice().set("schedule", Json.MAPPER.createObjectNode())).schedule()).isNotNull();

        for (int day : new int[] {0, 8}) {
            ObjectNode bad = notice();
            bad.putObject("schedule").putArray("days").add(3).add(day);
            rejected(bad, "schedule.days[1]", "must be a weekday number from 1 (Monday) to 7 (Sunday)");
        }
        ObjectNode nullDay = notice();
        nullDay.putObject("schedule").putArray("days").addNull();
        rejected(nullDay, "schedule.days[0]", "weekday");

        ObjectNode nullRange = notice();
        nullRange.putObject("schedule").putArray("hours").addNull();
        rejected(nullRange, "schedule.hours[0]", "must be an object with from and to");
        for (String time : new String[] {"8:00", "24:00", "12:60", "", "08:00:00"}) {
            ObjectNode bad = notice();
            bad.putObject("schedule").putArray("hours").addObject().put("from", time).put("to", "12:00");
            rejected(bad, "schedule.hours[0].from", "must be a time HH:mm");
            ObjectNode badEnd = notice();
            badEnd.putObject("schedule").putArray("hours").addObject().put("from", "08:00").put("to", time);
            rejected(badEnd, "schedule.hours[0].to", "must be a time HH:mm");
        }
        ObjectNode missing = notice();
        missing.putObject("schedule").putArray("hours").addObject().put("from", "08:00");
        rejected(missing, "schedule.hours[0].to", "must be a time HH:mm");
    }

    @Test
    void withdrawnIsNotAStatusToSave() {
        rejected(notice().put("status", "withdrawn"), "status", "cannot be set to withdrawn here");
        assertThat(check(notice().put("status", "published")).status()).as("whether it may be published is the service's rule")
                .isEqualTo(ItemStatus.PUBLISHED);
    }

    @Test
    void detailsBelongToTheirKindOnly() {
        rejected(notice().set("guide", ofKind("guide").get("guide")), "guide", "is only for kind guide");
        rejected(notice().set("policy", ofKind("policy").get("policy")), "policy", "is only for kind policy");
        rejected(notice().set("interpretation", ofKind("interpretation").get("interpretation")), "interpretation",
                "is only for kind interpretation");
        rejected(notice().set("alert", ofKind("alert").get("alert")), "alert", "is only for kind alert");
        for (String kind : List.of("guide", "policy", "interpretation", "alert")) {
            ObjectNode without = ofKind(kind);
            without.remove(kind);
            rejected(without, kind, "is required for kind " + kind);
            assertThat(check(ofKind(kind)).kind().code()).isEqualTo(kind);
        }
    }

    @Test
    void aPolicyNamesItsIssuer() {
        ObjectNode p = ofKind("policy");
        p.withObjectProperty("policy").put("issuingBody", " ");
        rejected(p, "policy.issuingBody", "is required");
        ObjectNode n = ofKind("policy");
        n.withObjectProperty("policy").put("documentNumber", "号".repeat(101));
        rejected(n, "policy.documentNumber", "is longer than 100");
        ObjectNode i = ofKind("policy");
        i.withObjectProperty("policy").put("indexNumber", "1".repeat(101));
        rejected(i, "policy.indexNumber", "is longer than 100");
        ObjectNode s = ofKind("policy");
        s.withObjectProperty("policy").put("subject", "主".repeat(101));
        rejected(s, "policy.subject", "is longer than 100");
        ObjectNode issuer = ofKind("policy");
        issuer.withObjectProperty("policy").put("issuingBody", "机".repeat(2001));
        rejected(issuer, "policy.issuingBody", "is longer than 2000");
    }

    @Test
    void anInterpretationPointsAtAPolicyAndHasAForm() {
        assertThat(check(ofKind("interpretation")).interpretation().form()).as("default form").isEqualTo("text");
        assertThat(check(ofKind("interpretation")).interpretation().policyId()).isEqualTo(42);
        ObjectNode qa = ofKind("interpretation");
        qa.withObjectProperty("interpretation").put("form", "qa").put("interpreter", "县人社局");
        assertThat(check(qa).interpretation()).isEqualTo(new Details.Interpretation(42L, "qa", "县人社局"));
        ObjectNode kept = ofKind("interpretation");
        kept.withObjectProperty("interpretation").put("interpreter", "局长");
        assertThat(check(kept).interpretation()).isEqualTo(new Details.Interpretation(42L, "text", "局长"));

        ObjectNode none = ofKind("interpretation");
        none.withObjectProperty("interpretation").remove("policyId");
        rejected(none, "interpretation.policyId", "is required");
        ObjectNode other = ofKind("interpretation");
        other.withObjectProperty("interpretation").put("policyId", 43);
        rejected(other, "interpretation.policyId", "no policy with id 43");
        ObjectNode form = ofKind("interpretation");
        form.withObjectProperty("interpretation").put("form", "video");
        rejected(form, "interpretation.form", "must be one of text, graphic, media, leader, expert, qa");
        ObjectNode interpreter = ofKind("interpretation");
        interpreter.withObjectProperty("interpretation").put("interpreter", "\u0001");
        rejected(interpreter, "interpretation.interpreter", "contains control characters");
    }

    @Test
    void anAlertHasALevelAHazardAnAreaAndAnEnd() {
        ItemInput red = check(ofKind("alert"));
        assertThat(red.alert()).as("hazard defaults to other").isEqualTo(new Details.Alert("red", "other", "全县", null));
        ObjectNode typhoon = ofKind("alert");
        typhoon.withObjectProperty("alert").put("hazard", "typhoon").put("issuer", "县气象台");
        assertThat(check(typhoon).alert()).isEqualTo(new Details.Alert("red", "typhoon", "全县", "县气象台"));

        ObjectNode purple = ofKind("alert");
        purple.withObjectProperty("alert").put("level", "purple");
        rejected(purple, "alert.level", "must be one of blue, yellow, orange, red");
        ObjectNode noLevel = ofKind("alert");
        noLevel.withObjectProperty("alert").remove("level");
        rejected(noLevel, "alert.level", "must be one of");
        ObjectNode hazard = ofKind("alert");
        hazard.withObjectProperty("alert").put("hazard", "meteor");
        rejected(hazard, "alert.hazard", "must be one of");
        ObjectNode area = ofKind("alert");
        area.withObjectProperty("alert").remove("area");
        rejected(area, "alert.area", "is required");
        ObjectNode issuer = ofKind("alert");
        issuer.withObjectProperty("alert").put("issuer", "i".repeat(2001));
        rejected(issuer, "alert.issuer", "is longer than 2000");
        ObjectNode endless = ofKind("alert");
        endless.remove("publishEnd");
        rejected(endless, "publishEnd", "is required for an alert");
    }

    @Test
    void aGuideNamesItsBodyAndItsMaterialsStepsAndFees() {
        ObjectNode full = ofKind("guide");
        ObjectNode g = full.withObjectProperty("guide");
        g.put("applicants", "本县居民").put("statutoryDays", 20).put("promisedDays", 20).put("visits", 0)
                .put("onlineUrl", "https://zwfw.example.gov.cn/a");
        array(g, "conditions", List.of("条件一", "条件一", "条件二"));
        array(g, "legalBasis", List.of("《社会保险法》"));
        g.putArray("materials").addObject().put("name", "身份证").put("form", "original_and_copy")
                .put("originals", 1).put("copies", 10_000).put("format", "paper");
        g.putArray("steps").addObject().put("name", "申请");
        g.putArray("fees").addObject().put("item", "工本费");
        g.putArray("faq").addObject().put("q", "问").put("a", "答");
        Details.Guide out = check(full).guide();
        assertThat(out.implementingBody()).isEqualTo("县人社局");
        assertThat(out.materials()).hasSize(1);
        assertThat(out.promisedDays()).isEqualTo(20);

        ObjectNode body = ofKind("guide");
        body.withObjectProperty("guide").remove("implementingBody");
        rejected(body, "guide.implementingBody", "is required");
        ObjectNode applicants = ofKind("guide");
        applicants.withObjectProperty("guide").put("applicants", "a".repeat(2001));
        rejected(applicants, "guide.applicants", "is longer than 2000");
        ObjectNode conditions = ofKind("guide");
        array(conditions.withObjectProperty("guide"), "conditions", List.of("ok", "c".repeat(2001)));
        rejected(conditions, "guide.conditions[1]", "is longer than 2000");
        ObjectNode legal = ofKind("guide");
        array(legal.withObjectProperty("guide"), "legalBasis", List.of(" "));
        rejected(legal, "guide.legalBasis[0]", "is required");

        ObjectNode nullMaterial = ofKind("guide");
        nullMaterial.withObjectProperty("guide").putArray("materials").addObject().put("name", "户口本").put("form", "copy");
        nullMaterial.withObjectProperty("guide").withArrayProperty("materials").addNull();
        rejected(nullMaterial, "guide.materials[1]", "must be an object");
        ObjectNode unnamed = ofKind("guide");
        unnamed.withObjectProperty("guide").putArray("materials").addObject().put("form", "copy");
        rejected(unnamed, "guide.materials[0].name", "is required");
        ObjectNode form = ofKind("guide");
        form.withObjectProperty("guide").putArray("materials").addObject().put("name", "户口本").put("form", "scan");
        rejected(form, "guide.materials[0].form", "must be one of original, copy, original_and_copy");
        ObjectNode format = ofKind("guide");
        format.withObjectProperty("guide").putArray("materials").addObject().put("name", "户口本").put("form", "copy").put("format", "fax");
        rejected(format, "guide.materials[0].format", "must be one of paper, electronic, paper_or_electronic");
        for (String count : List.of("originals", "copies")) {
            ObjectNode negative = ofKind("guide");
            negative.withObjectProperty("guide").putArray("materials").addObject().put("name", "户口本").put("form", "copy").put(count, -1);
            rejected(negative, "guide.materials[0]." + count, "must be a whole number from 0 to 10000");
            ObjectNode huge = ofKind("guide");
            huge.withObjectProperty("guide").putArray("materials").addObject().put("name", "户口本").put("form", "copy").put(count, 10_001);
            rejected(huge, "guide.materials[0]." + count, "must be a whole number from 0 to 10000");
        }
        ObjectNode manyMaterials = ofKind("guide");
        ArrayNode materials = manyMaterials.withObjectProperty("guide").putArray("materials");
        for (int i = 0; i < 101; i++) materials.addObject().put("name", "m" + i).put("form", "copy");
        rejected(manyMaterials, "guide.materials", "has more than 100 entries");
        for (String list : List.of("steps", "fees")) {
            ObjectNode many = ofKind("guide");
            ArrayNode entries = many.withObjectProperty("guide").putArray(list);
            for (int i = 0; i < 101; i++) entries.addObject().put(list.equals("steps") ? "name" : "item", "e" + i);
            rejected(many, "guide." + list, "has more than 100 entries");
            entries.remove(100);
            assertThat(check(many).guide()).as("100 " + list).isNotNull();
        }

        ObjectNode nullStep = ofKind("guide");
        nullStep.withObjectProperty("guide").putArray("steps").addNull();
        rejected(nullStep, "guide.steps[0]", "must be an object");
        ObjectNode unnamedStep = ofKind("guide");
        unnamedStep.withObjectProperty("guide").putArray("steps").addObject().put("name", "受理");
        unnamedStep.withObjectProperty("guide").withArrayProperty("steps").addObject().put("description", "无名");
        rejected(unnamedStep, "guide.steps[1].name", "is required");
        ObjectNode nullFee = ofKind("guide");
        nullFee.withObjectProperty("guide").putArray("fees").addNull();
        rejected(nullFee, "guide.fees[0]", "must be an object");
        ObjectNode unnamedFee = ofKind("guide");
        unnamedFee.withObjectProperty("guide").putArray("fees").addObject().put("item", "工本费");
        unnamedFee.withObjectProperty("guide").withArrayProperty("fees").addObject().put("standard", "免费");
        rejected(unnamedFee, "guide.fees[1].item", "is required");

        for (String days : List.of("statutoryDays", "promisedDays", "visits")) {
            ObjectNode negative = ofKind("guide");
            negative.withObjectProperty("guide").put(days, -1);
            rejected(negative, "guide." + days, "must be a whole number from 0 to 10000");
        }
        ObjectNode promised = ofKind("guide");
        promised.withObjectProperty("guide").put("statutoryDays", 10).put("promisedDays", 11);
        rejected(promised, "guide.promisedDays", "must not exceed guide.statutoryDays");
        ObjectNode onlyStatutory = ofKind("guide");
        onlyStatutory.withObjectProperty("guide").put("statutoryDays", 0);
        assertThat(check(onlyStatutory).guide().statutoryDays()).isZero();
        ObjectNode onlyPromised = ofKind("guide");
        onlyPromised.withObjectProperty("guide").put("promisedDays", 11);
        assertThat(check(onlyPromised).guide().promisedDays()).isEqualTo(11);
        ObjectNode online = ofKind("guide");
        online.withObjectProperty("guide").put("onlineUrl", "mailto:x@example.cn");
        rejected(online, "guide.onlineUrl", "must be an http:// or https:// address");
        ObjectNode faq = ofKind("guide");
        ArrayNode questions = faq.withObjectProperty("guide").putArray("faq");
        for (int i = 0; i < 101; i++) questions.addObject().put("q", "q" + i);
        rejected(faq, "guide.faq", "has more than 100 entries");
    }
}
