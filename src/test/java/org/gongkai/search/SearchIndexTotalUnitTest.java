package org.gongkai.search;

import org.gongkai.content.Item;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The total a touchscreen pages by counts every match, also past Lucene's default of "at least 1,000". */
class SearchIndexTotalUnitTest {
    @Test
    void theTotalCountsEveryMatch() {
        OffsetDateTime created = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            String title = (i % 2 == 0 ? "城关镇城乡居民养老保险参保登记" : "南山镇个体工商户设立登记") + "（第" + i + "批）";
            items.add(Item.builder().id(i).kind(ItemKind.GUIDE).title(title).summary("本事项办理相关业务。")
                    .body("根据有关规定办理。").bodyFormat("text").department("dept").category("office-guides")
                    .publishStart(created).priority(50).status(ItemStatus.PUBLISHED).version(1).createdAt(created)
                    .createdBy("test").updatedAt(created).updatedBy("test").publishedAt(created).build());
        }
        try (SearchIndex index = new SearchIndex(SynonymsLoader.builtIn())) {
            index.update(items);
            Instant now = Instant.parse("2026-11-23T12:00:00Z");
            for (String q : List.of("养老保险", "ylbx", "yanglaobaoxian", "养老 登记", "个体户", "gtgsh")) {
                SearchIndex.Result r = index.search(q, null, now, 0, 20);
                assertThat(r.total()).as(q).isEqualTo(1250);
                assertThat(r.hits()).as(q).hasSize(20);
            }
            assertThat(index.search("登记", null, now, 2480, 20).total()).isEqualTo(2500);
            assertThat(index.search("登记", null, now, 2480, 20).hits()).hasSize(20);
        }
    }
}
