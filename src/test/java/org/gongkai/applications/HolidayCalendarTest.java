package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out of the box, deadlines follow the State Council's holiday notices that ship with Gongkai (config/holidays/), a
 * county's own holidays/ directory adds or replaces years, and from 1 December staff are told when next year's
 * notice is missing. Each server here lives on a chosen day (its clock), so the warning is tested on its edge.
 */
class HolidayCalendarTest {
    @TempDir
    Path dir;

    static JsonNode register(Http admin, String receivedOn) {
        Http.Response r = admin.post("/api/applications", "{\"channel\":\"online\",\"subject\":\"节前申请\",\"applicant\":\"王五\","
                + "\"receivedOn\":\"" + receivedOn + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static List<Integer> years(JsonNode calendar) {
        List<Integer> out = new ArrayList<>();
        calendar.get("years").forEach(y -> out.add(y.get("year").asInt()));
        return out;
    }

    /** A county's config file in a directory with no holidays/ of its own: only the calendars in the jar count. */
    @Test
    void outOfTheBoxDeadlinesSkipTheHolidaysAndCountTheMadeUpWorkingDays() throws Exception {
        Path config = Files.writeString(dir.resolve("gongkai.yaml"), "server:\n  port: 0\n");
        try (TestServer server = TestServer.start(ConfigLoader.load(config), TestServer.freshDatabase(), false)) {
            Http admin = server.admin();
            // 2026: 国庆 1-7 October off, Saturday 10 October worked (国办发明电〔2025〕7号). Monday to Friday gives 10-28.
            JsonNode national = register(admin, "2026-09-30");
            assertThat(national.get("deadline").asText()).isEqualTo("2026-11-03");
            assertThat(national.get("calendarComplete").asBoolean()).isTrue();
            // 2025: 春节 28 January to 4 February off, Sunday 26 January and Saturday 8 February worked
            // (国办发明电〔2024〕12号). Monday to Friday gives 02-21.
            JsonNode spring = register(admin, "2025-01-24");
            assertThat(spring.get("deadline").asText()).isEqualTo("2025-02-27");
            assertThat(spring.get("calendarComplete").asBoolean()).isTrue();
        }
    }

    @Test
    void fromTheFirstOfDecemberStaffAreToldThatNextYearsNoticeIsMissing() {
        try (TestServer server = TestServer.start(ConfigLoader.defaults().withPort(0), TestServer.freshDatabase(), false,
                TestServer.clockFrom("2026-12-01T08:30:00+08:00"))) {
            Http.Response r = server.admin().get("/api/work-calendar");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode calendar = r.json();
            assertThat(calendar.get("today").asText()).isEqualTo("2026-12-01");
            assertThat(years(calendar)).containsExactly(2025, 2026);
            assertThat(calendar.get("years").get(1).get("source").asText()).contains("国办发明电〔2025〕7号");
            assertThat(calendar.get("missing").toString()).isEqualTo("[2027]");
            assertThat(server.anonymous().get("/api/work-calendar").status()).isEqualTo(401);
        }
        try (TestServer server = TestServer.start(ConfigLoader.defaults().withPort(0), TestServer.freshDatabase(), false,
                TestServer.clockFrom("2026-11-30T23:30:00+08:00"))) {
            JsonNode calendar = server.admin().get("/api/work-calendar").json();
            assertThat(calendar.get("today").asText()).isEqualTo("2026-11-30");
            assertThat(calendar.get("missing").toString()).as("still November").isEqualTo("[]");
        }
    }

    @Test
    void aCountysOwnFileAddsNextYearAndReplacesABuiltInYear() throws Exception {
        Path holidays = Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(holidays.resolve("2027.yaml"), """
                year: 2027
                source: made up for a test
                offDays: [2027-01-01]
                workDays: []
                """);
        Files.writeString(holidays.resolve("2026.yaml"), """
                year: 2026
                source: a county's own copy, made up for a test
                offDays: [2026-10-01, 2026-10-02]
                workDays: []
                """);
        Path config = Files.writeString(dir.resolve("gongkai.yaml"), "server:\n  port: 0\n");
        try (TestServer server = TestServer.start(ConfigLoader.load(config), TestServer.freshDatabase(), false,
                TestServer.clockFrom("2026-12-01T08:30:00+08:00"))) {
            Http admin = server.admin();
            JsonNode calendar = admin.get("/api/work-calendar").json();
            assertThat(years(calendar)).containsExactly(2025, 2026, 2027);
            assertThat(calendar.get("missing").toString()).isEqualTo("[]");
            assertThat(calendar.get("years").get(0).get("builtIn").asBoolean()).as("2025 from the jar").isTrue();
            assertThat(calendar.get("directory").asText()).isEqualTo(holidays.toAbsolutePath().toString());
            JsonNode own = calendar.get("years").get(1);
            assertThat(own.get("source").asText()).isEqualTo("a county's own copy, made up for a test");
            assertThat(own.get("builtIn").asBoolean()).isFalse();
            // The county's 2026 has only 1-2 October off and no worked Saturday: 20 working days from 30 September.
            assertThat(register(admin, "2026-09-30").get("deadline").asText()).isEqualTo("2026-10-30");
        }
    }
}
