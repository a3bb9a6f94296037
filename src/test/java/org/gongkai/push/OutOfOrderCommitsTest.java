package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.ScreenClient;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content versions come from an identity column: of two transactions, the one that took the later version can
 * commit first. The change feed must deliver both, and the version a screen is told it holds must not jump past the
 * one still committing, or a screen that reconnects with it would never get that change.
 */
class OutOfOrderCommitsTest extends ServerTest {

    @Test
    void twoTransactionsCommittingInReverseOrderBothReachTheScreenAndItsVersionNeverSkipsTheEarlier() throws Exception {
        long first = Fixtures.create(admin, Fixtures.notice("先取版本号后提交")).get("id").asLong();
        long second = Fixtures.create(admin, Fixtures.notice("后取版本号先提交")).get("id").asLong();
        PairedScreen screen = PairedScreen.pair(server, admin, "plaza");
        long before = server.contentVersion();

        try (Connection slow = server.dataSource.getConnection(); Connection fast = server.dataSource.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            long earlier = recordChange(slow, first);
            long later = recordChange(fast, second);
            assertThat(later).isGreaterThan(earlier);
            fast.commit();

            JsonNode laterChange = NodesTest.awaitChange(screen.client(), m -> NodesTest.contains(m.get("items"), second));
            assertThat(laterChange.get("version").asLong()).as("the version held stays below the one still committing")
                    .isLessThan(earlier);

            slow.commit();
            JsonNode earlierChange = NodesTest.awaitChange(screen.client(), m -> NodesTest.contains(m.get("items"), first));
            assertThat(earlierChange.get("version").asLong()).isGreaterThanOrEqualTo(later);

            // a screen that reconnects holding the version it was told after the later commit still gets the earlier one
            try (ScreenClient again = new ScreenClient(server.wsUrl())) {
                again.hello(screen.id(), screen.secret(), laterChange.get("version").asLong());
                JsonNode catchUp = again.await(m -> "change".equals(m.path("type").asText())
                        || "snapshot".equals(m.path("type").asText()), 5000, "catch-up");
                List<Long> ids = new ArrayList<>();
                catchUp.path("items").forEach(i -> ids.add(i.path("id").asLong()));
                assertThat(ids).contains(first);
            }
        }
        assertThat(server.contentVersion()).isGreaterThan(before);
        screen.client().close();
    }

    private static long recordChange(Connection c, long itemId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO content_changes (item_id, at) VALUES (?, CURRENT_TIMESTAMP)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, itemId);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
