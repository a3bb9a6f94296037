package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.content.Details;
import org.gongkai.content.Item;
import org.gongkai.content.ItemInput;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.gongkai.support.Services;
import org.gongkai.web.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What screens are sent, built from a real database without sockets: a live change for a group (what is new, what
 * is gone), the catch-up of a screen that was away (or the snapshot it needs instead), and a group's snapshot.
 */
class PushMessagesServiceTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int MAX_MISSED = 3;

    private Services s;
    private PushMessages messages;

    @BeforeEach
    void fresh() {
        s = Services.fresh();
        messages = new PushMessages(s.items, s.views, s.screens, new PushHub.Settings(BEIJING, Duration.ofDays(7), 12,
                "https://gk.example.gov.cn", 100, MAX_MISSED, false), s.items::currentVersion, s.clock);
    }

    private ItemInput notice(String title, OffsetDateTime start, OffsetDateTime end, List<String> groups) {
        return Services.notice(title, ItemStatus.SUBMITTED).toBuilder().publishStart(start).publishEnd(end)
                .targetGroups(groups).build();
    }

    private Item alert(String title) {
        return s.itemService.create(ItemInput.builder().kind(ItemKind.ALERT).title(title).bodyFormat("text")
                .department("weather").category("emergency").publishStart(s.now().minusMinutes(1))
                .publishEnd(s.now().plusHours(6)).status(ItemStatus.PUBLISHED)
                .details(new Details.Alert("red", "rainstorm", "全县", null)).build(), s.reviewer);
    }

    static JsonNode json(String message) {
        try {
            return Json.MAPPER.readTree(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static List<Long> ids(JsonNode message, String array) {
        List<Long> out = new ArrayList<>();
        message.get(array).forEach(n -> out.add(n.isObject() ? n.get("id").asLong() : n.asLong()));
        return out;
    }

    // --- live changes ---

    @Test
    void aChangeCarriesTheItemsTheGroupShouldHoldAndNamesTheOthersAsRemoved() {
        Item everywhere = s.published(notice("全部屏幕", null, null, List.of()));
        Item hallOnly = s.published(notice("只给大厅", null, null, List.of("hall")));
        Item red = alert("暴雨红色预警");
        Item withdrawn = s.review.withdraw(s.published("撤回").id(), s.editor, false);
        List<Item> changed = s.items.findAll(List.of(everywhere.id(), hallOnly.id(), red.id(), withdrawn.id()));
        List<Long> ids = changed.stream().map(Item::id).toList();

        JsonNode plaza = json(messages.change("plaza", 7, changed, ids, false));
        assertThat(plaza.get("type").asText()).isEqualTo("change");
        assertThat(plaza.get("version").asLong()).isEqualTo(7);
        assertThat(ids(plaza, "items")).containsExactly(everywhere.id());
        assertThat(ids(plaza, "alerts")).containsExactly(red.id());
        assertThat(ids(plaza, "removed")).containsExactlyInAnyOrder(hallOnly.id(), withdrawn.id());
        assertThat(plaza.has("group")).as("a live change carries no settings").isFalse();
        assertThat(plaza.get("items").get(0).get("title").asText()).isEqualTo("全部屏幕");
        assertThat(plaza.get("items").get(0).get("departmentName").asText()).isEqualTo("县人力资源和社会保障局");
        assertThat(plaza.get("items").get(0).has("createdBy")).as("screens get the public view").isFalse();

        JsonNode hall = json(messages.change("hall", 7, changed, ids, false));
        assertThat(ids(hall, "items")).containsExactlyInAnyOrder(everywhere.id(), hallOnly.id());
        assertThat(ids(hall, "removed")).containsExactly(withdrawn.id());
    }

    @Test
    void anItemNamedTwiceIsRemovedOnce() {
        Item withdrawn = s.review.withdraw(s.published("两次").id(), s.editor, false);
        JsonNode m = json(messages.change("plaza", 3, s.items.findAll(List.of(withdrawn.id())),
                List.of(withdrawn.id(), withdrawn.id()), false));
        assertThat(ids(m, "removed")).containsExactly(withdrawn.id());
        assertThat(ids(m, "items")).isEmpty();
    }

    @Test
    void anItemThatEndedOrStartsBeyondTheHorizonGoesAsRemoved() {
        Item ending = s.published(notice("一小时后结束", null, s.now().plusHours(1), List.of()));
        Item nextMonth = s.published(notice("下月开始", s.now().plusDays(30), null, List.of()));
        Item nextWeek = s.published(notice("六天后开始", s.now().plusDays(6), null, List.of()));
        s.clock.advance(Duration.ofHours(2));
        List<Item> changed = s.items.findAll(List.of(ending.id(), nextMonth.id(), nextWeek.id()));
        JsonNode m = json(messages.change("plaza", 9, changed, changed.stream().map(Item::id).toList(), false));
        assertThat(ids(m, "items")).as("within the horizon: held ahead of its start").containsExactly(nextWeek.id());
        assertThat(ids(m, "removed")).containsExactlyInAnyOrder(ending.id(), nextMonth.id());
    }

    @Test
    void viewsAreBuiltInTheOrderOfTheItems() {
        Item a = s.published("甲");
        Item b = s.published("乙");
        List<Item> changed = s.items.findAll(List.of(a.id(), b.id()));
        assertThat(messages.views(changed)).extracting(v -> v.get("title").asText())
                .containsExactlyElementsOf(changed.stream().map(Item::title).toList());
        assertThat(messages.views(List.of())).isEmpty();
    }

    // --- catch-up after a reconnect ---

    @Test
    void aScreenThatWasAwayGetsWhatItMissedAdditionsAndRemovals() {
        Item kept = s.published("一直在");
        Item withdrawnLater = s.published("离线时撤回");
        Item expiring = s.published(notice("离线时到期", null, s.now().plusHours(1), List.of()));
        long held = s.items.currentVersion();
        s.review.withdraw(withdrawnLater.id(), s.editor, false);
        Item added = s.published("离线时发布");
        s.clock.advance(Duration.ofHours(2));

        Optional<String> catchUp = messages.catchUp("plaza", held, "plaza");
        assertThat(catchUp).isPresent();
        JsonNode m = json(catchUp.get());
        assertThat(m.get("type").asText()).isEqualTo("change");
        assertThat(m.get("version").asLong()).isEqualTo(s.items.currentVersion());
        assertThat(ids(m, "items")).containsExactly(added.id());
        assertThat(ids(m, "removed")).containsExactlyInAnyOrder(withdrawnLater.id(), expiring.id());
        assertThat(ids(m, "items")).doesNotContain(kept.id());
        assertThat(m.get("group").get("code").asText()).as("a catch-up carries the group's settings").isEqualTo("plaza");
        assertThat(messages.catchUp("plaza", held, null)).as("a screen that does not say which group it holds")
                .contains(catchUp.get());
    }

    @Test
    void aScreenThatIsCurrentGetsAnEmptyChange() {
        s.published("已有");
        long current = s.items.currentVersion();
        JsonNode m = json(messages.catchUp("plaza", current, "plaza").orElseThrow());
        assertThat(m.get("version").asLong()).isEqualTo(current);
        assertThat(ids(m, "items")).isEmpty();
        assertThat(ids(m, "alerts")).isEmpty();
        assertThat(ids(m, "removed")).isEmpty();
    }

    @Test
    void aScreenGetsASnapshotInsteadWhenItsVersionCannotBeCaughtUp() {
        Item first = s.published("一");
        long held = s.items.currentVersion();
        assertThat(held).isEqualTo(1);
        assertThat(messages.catchUp("plaza", null, "plaza")).as("a new screen").isEmpty();
        assertThat(messages.catchUp("plaza", 0L, "plaza")).as("no version yet").isEmpty();
        assertThat(messages.catchUp("plaza", -1L, "plaza")).isEmpty();
        assertThat(messages.catchUp("plaza", held + 1, "plaza")).as("newer than the server (a restored backup)").isEmpty();
        assertThat(messages.catchUp("plaza", held, "hall")).as("it holds another group's content").isEmpty();

        for (int i = 0; i < MAX_MISSED; i++) s.published("追加" + i);
        assertThat(messages.catchUp("plaza", held, "plaza")).as("as many changes as allowed").isPresent();
        s.review.withdraw(first.id(), s.editor, false);
        assertThat(messages.catchUp("plaza", held, "plaza")).as("more than allowed").isEmpty();
    }

    // --- snapshots ---

    @Test
    void aSnapshotHoldsEverythingTheGroupMustShowWithItsSettings() {
        Item everywhere = s.published("全部");
        Item hallOnly = s.published(notice("大厅", null, null, List.of("hall")));
        Item soon = s.published(notice("明天开始", s.now().plusDays(1), null, List.of("plaza")));
        s.published(notice("下月开始", s.now().plusDays(30), null, List.of()));
        s.published(notice("已结束", s.now().minusDays(2), s.now().minusDays(1), List.of()));
        s.review.withdraw(s.published("撤回").id(), s.editor, false);
        s.itemService.create(Services.notice("草稿", ItemStatus.DRAFT), s.editor);
        Item red = alert("预警");

        JsonNode plaza = json(messages.snapshot("plaza"));
        assertThat(plaza.get("type").asText()).isEqualTo("snapshot");
        assertThat(plaza.get("version").asLong()).isEqualTo(s.items.currentVersion());
        assertThat(ids(plaza, "items")).containsExactlyInAnyOrder(everywhere.id(), soon.id());
        assertThat(ids(plaza, "alerts")).containsExactly(red.id());
        assertThat(plaza.get("group").get("name").asText()).isEqualTo("人民广场大屏");

        JsonNode hall = json(messages.snapshot("hall"));
        assertThat(ids(hall, "items")).containsExactlyInAnyOrder(everywhere.id(), hallOnly.id());
        assertThat(ids(hall, "alerts")).containsExactly(red.id());
    }

    @Test
    void anEmptySnapshotStillCarriesTheVersionAndSettings() {
        JsonNode m = json(messages.snapshot("hall"));
        assertThat(m.get("version").asLong()).isZero();
        assertThat(m.get("items")).isEmpty();
        assertThat(m.get("alerts")).isEmpty();
        assertThat(m.get("group").get("code").asText()).isEqualTo("hall");
    }

    @Test
    void groupSettingsComeFromTheGroupOrTheDefaults() {
        JsonNode plaza = messages.groupSettings("plaza");
        assertThat(plaza.get("code").asText()).isEqualTo("plaza");
        assertThat(plaza.get("name").asText()).isEqualTo("人民广场大屏");
        assertThat(plaza.get("defaultDurationSeconds").asInt()).isEqualTo(15);
        assertThat(plaza.get("viewingDistanceMeters").asDouble()).isEqualTo(30.0);
        assertThat(plaza.get("screenHeightMeters").asDouble()).isEqualTo(4.0);
        assertThat(plaza.get("nightStart").asText()).isEqualTo("22:00");
        assertThat(plaza.get("nightEnd").asText()).isEqualTo("06:00");
        assertThat(plaza.get("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(plaza.get("publicBaseUrl").asText()).isEqualTo("https://gk.example.gov.cn");
        assertThat(messages.groupSettings("hall").get("screenHeightMeters").isNull()).isTrue();

        JsonNode unknown = messages.groupSettings("gone");
        assertThat(unknown.get("code").asText()).isEqualTo("gone");
        assertThat(unknown.get("name").isNull()).isTrue();
        assertThat(unknown.get("defaultDurationSeconds").asInt()).as("the configured default").isEqualTo(12);
        assertThat(unknown.get("nightStart").isNull()).isTrue();
        assertThat(unknown.get("timezone").asText()).isEqualTo("Asia/Shanghai");
    }
}
