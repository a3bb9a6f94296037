package org.gongkai.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen's own application, from a touchscreen or the mobile page: checked, throttled, and seen by staff. */
class SelfServiceApplicationsTest {
    /** The worked example of GB 11643-1999 (check character X), and one whose check digit was worked out by hand. */
    static final String VALID_ID = "11010519491231002X";
    static final String VALID_ID_2 = "330106199003071236";

    static TestServer server;
    static Http admin;
    static PairedScreen touch;

    @BeforeAll
    static void start() {
        server = TestServer.start(false, c -> c.withServer(new org.gongkai.config.Config.Server("127.0.0.1", 0,
                c.server().publicBaseUrl(), c.server().maxBodyBytes(), false, true)));
        admin = server.admin();
        Fixtures.basics(admin);
        touch = PairedScreen.pair(server, admin, "hall", "touch");
    }

    @AfterAll
    static void stop() {
        touch.client().close();
        server.close();
    }

    static ObjectNode form() {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", "李四").put("idType", "resident_id").put("idNumber", VALID_ID)
                .put("phone", "13912345678").put("subject", "2025年本街道老旧小区改造资金使用情况").put("delivery", "collect");
    }

    static Http from(String address) {
        return server.anonymous().withHeader("X-Forwarded-For", address);
    }

    static Http.Response submit(Http who, ObjectNode body) {
        return who.post("/api/applications/submit", body.toString());
    }

    @Test
    void fromThePhoneItIsOnlineWithAReceiptAndStaffSeeWhatWasGiven() {
        Http.Response r = submit(from("198.51.100.20"), form().put("delivery", "post").put("address", "县城关镇人民路 12 号 3 单元"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode receipt = r.json();
        String number = receipt.get("number").asText();
        assertThat(number).matches("YSQ\\d{4}-\\d{6}");
        assertThat(receipt.get("checkCode").asText()).matches("[0-9A-Z]{8}");
        assertThat(receipt.get("receivedOn").asText()).isEqualTo(LocalDate.now(server.config().display().zone()).toString());
        assertThat(receipt.get("workingDays").asInt()).isEqualTo(20);
        assertThat(LocalDate.parse(receipt.get("deadline").asText())).isAfter(LocalDate.now().plusDays(20));
        assertThat(receipt.has("name")).isFalse();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");

        JsonNode looked = server.anonymous().get("/api/applications/lookup?number=" + number + "&code=" + receipt.get("checkCode").asText()).json();
        assertThat(looked.get("status").asText()).isEqualTo("received");

        JsonNode staff = admin.get("/api/applications/" + number).json();
        assertThat(staff.get("channel").asText()).isEqualTo("online");
        assertThat(staff.get("applicant").asText()).isEqualTo("李四");
        assertThat(staff.get("department").isNull()).as("the disclosure office routes it").isTrue();
        JsonNode given = staff.get("selfService");
        assertThat(given.get("idTypeName").asText()).isEqualTo("居民身份证");
        assertThat(given.get("idNumber").asText()).isEqualTo(VALID_ID);
        assertThat(given.get("phone").asText()).isEqualTo("13912345678");
        assertThat(given.get("delivery").asText()).isEqualTo("post");
        assertThat(given.get("address").asText()).isEqualTo("县城关镇人民路 12 号 3 单元");
        assertThat(given.get("screenId").isNull()).isTrue();
        JsonNode audit = admin.get("/api/audit").json();
        assertThat(audit.toString()).contains("/api/applications/" + number);
    }

    @Test
    void atATouchscreenItIsReceivedAtThatScreen() {
        Http.Response r = submit(from("198.51.100.21"), form().put("idNumber", VALID_ID_2).put("delivery", "email")
                .put("email", "lisi@example.cn").put("screenId", touch.id()).put("screenSecret", touch.secret()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode staff = admin.get("/api/applications/" + r.json().get("number").asText()).json();
        assertThat(staff.get("channel").asText()).isEqualTo("kiosk");
        assertThat(staff.get("selfService").get("screenId").asText()).isEqualTo(touch.id());
        assertThat(staff.get("selfService").get("screenName").asText()).isEqualTo("广场东屏");
        assertThat(staff.get("selfService").get("email").asText()).isEqualTo("lisi@example.cn");
        assertThat(staff.get("updatedBy").asText()).isEqualTo("screen " + touch.id());
    }

    @Test
    void aScreenMustProveItselfAndBeATouchscreen() {
        Http.Response wrong = submit(from("198.51.100.22"), form().put("screenId", touch.id()).put("screenSecret", "not-the-secret"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("error").asText()).contains("screenSecret");
        PairedScreen plaza = PairedScreen.pair(server, admin, "plaza");
        try {
            Http.Response fromPlaza = submit(from("198.51.100.22"), form().put("screenId", plaza.id()).put("screenSecret", plaza.secret()));
            assertThat(fromPlaza.status()).isEqualTo(403);
            assertThat(fromPlaza.json().get("error").asText()).contains("touchscreen");
        } finally {
            plaza.client().close();
        }
    }

    @Test
    void everyWrongFieldIsNamed() {
        Http who = from("198.51.100.23");
        String tampered = VALID_ID.substring(0, 17) + "5";
        assertField(submit(who, form().put("idNumber", tampered)), "idNumber", "check");
        assertField(submit(who, form().put("idNumber", "110105194902300021")), "idNumber", "date of birth");
        assertField(submit(who, form().put("idNumber", "1101051949")), "idNumber", "18 characters");
        assertField(submit(who, form().put("idNumber", "440524188001010014")), "idNumber", "cannot be right"); // born 1880
        assertField(submit(who, form().put("idType", "driving_licence")), "idType", "resident_id");
        assertField(submit(who, form().put("idType", "hk_macao_permit").put("idNumber", "H1234567")), "idNumber", "8 digits");
        assertField(submit(who, form().put("name", " ")), "name", "required");
        assertField(submit(who, form().put("phone", "12345")), "phone", "mobile");
        assertField(submit(who, form().put("subject", "")), "subject", "required");
        assertField(submit(who, form().put("delivery", "fax")), "delivery", "collect");
        assertField(submit(who, form().put("delivery", "post")), "address", "post");
        assertField(submit(who, form().put("delivery", "email").put("email", "not-an-address")), "email", "e-mail");
        Http.Response unknown = submit(who, form().put("purpose", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("purpose");
        // a passport, a Hong Kong permit, lower case and spaces all go through
        assertThat(submit(who, form().put("idType", "passport").put("idNumber", "e1234 5678").put("name", "John Smith")).status()).isEqualTo(201);
        assertThat(submit(who, form().put("idType", "hk_macao_permit").put("idNumber", "h12345678")).status()).isEqualTo(201);
        assertThat(submit(who, form().put("idNumber", VALID_ID.toLowerCase()).put("phone", "0571-87654321")).status()).isEqualTo(201);
    }

    private static void assertField(Http.Response r, String field, String says) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("error").asText()).contains(says);
    }

    @Test
    void aFloodFromOneScreenOrOneAddressIsHeldBack() {
        PairedScreen second = PairedScreen.pair(server, admin, "hall", "touch");
        try {
            ObjectNode fromScreen = form().put("screenId", second.id()).put("screenSecret", second.secret());
            for (int i = 0; i < ApplicationService.SUBMIT_BY_SCREEN.max(); i++) {
                assertThat(submit(from("198.51.100." + (100 + i)), fromScreen).status()).isEqualTo(201);
            }
            Http.Response held = submit(from("198.51.100.99"), fromScreen);
            assertThat(held.status()).isEqualTo(429);
            assertThat(held.json().get("error").asText()).contains("this touchscreen");
            assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(submit(from("198.51.100.99"), form().put("screenId", touch.id()).put("screenSecret", touch.secret())).status())
                    .as("another screen is not held back").isEqualTo(201);
        } finally {
            second.client().close();
        }
        Http phone = from("203.0.113.9");
        for (int i = 0; i < ApplicationService.SUBMIT_BY_ADDRESS.max(); i++) assertThat(submit(phone, form()).status()).isEqualTo(201);
        Http.Response held = submit(phone, form());
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.json().get("error").asText()).contains("this address");
        assertThat(submit(from("203.0.113.10"), form()).status()).isEqualTo(201);
    }
}
