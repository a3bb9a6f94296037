package org.gongkai.plays;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.support.Fixtures;
import org.gongkai.support.ServerTest;
import org.gongkai.support.PairedScreen;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Proof of play: a screen reports what it showed, in batches, also later for what it showed offline. */
class PlaysTest extends ServerTest {
    private static String play(long itemId, OffsetDateTime start, int durationMs) {
        return "{\"itemId\":" + itemId + ",\"itemVersion\":1,\"start\":\"" + start + "\",\"durationMs\":" + durationMs + "}";
    }

    @Test
    void playsAreStoredOnceWithTheirTrueTimesAndListedNewestFirst() {
        long item = Fixtures.create(admin, Fixtures.notice("播放记录")).get("id").asLong();
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        OffsetDateTime offlineHourAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.MILLIS);
        String batch = "{\"type\":\"played\",\"batch\":\"b1\",\"plays\":[" + play(item, offlineHourAgo, 15000) + ","
                + play(item, offlineHourAgo.plusSeconds(15), 12000) + "]}";
        try (var screen = p.client()) {
            screen.send(batch);
            JsonNode reply = screen.await("played", 5000);
            assertThat(reply.get("batch").asText()).isEqualTo("b1");
            assertThat(reply.get("stored").asInt()).isEqualTo(2);

            screen.send(batch); // the reply was lost, the screen sends the same batch again
            assertThat(screen.await("played", 5000).get("stored").asInt()).isZero();
        }
        JsonNode plays = admin.get("/api/screens/" + p.id() + "/plays").json();
        assertThat(plays.size()).isEqualTo(2);
        assertThat(OffsetDateTime.parse(plays.get(0).get("startedAt").asText()).toInstant())
                .isEqualTo(offlineHourAgo.plusSeconds(15).toInstant());
        assertThat(plays.get(0).get("durationMs").asInt()).isEqualTo(12000);
        assertThat(plays.get(1).get("itemId").asLong()).isEqualTo(item);
        assertThat(server.anonymous().get("/api/screens/" + p.id() + "/plays").status()).isEqualTo(401);
        assertThat(admin.get("/api/screens/nope/plays").status()).isEqualTo(404);
    }

    @Test
    void aBadEntryIsNamedAndNothingOfItsBatchIsStored() {
        PairedScreen p = PairedScreen.pair(server, admin, "plaza");
        OffsetDateTime now = OffsetDateTime.now();
        try (var screen = p.client()) {
            screen.send("{\"type\":\"played\",\"batch\":\"b2\",\"plays\":[" + play(1, now, 1000)
                    + ",{\"itemId\":1,\"start\":\"yesterday\",\"durationMs\":5}]}");
            JsonNode reply = screen.await("played", 5000);
            assertThat(reply.get("error").asText()).contains("plays[1].start");
            assertThat(reply.has("stored")).isFalse();
            screen.send("{\"type\":\"played\",\"batch\":\"b3\",\"plays\":[" + play(1, now.minusDays(40), 1000) + "]}");
            assertThat(screen.await("played", 5000).get("error").asText()).contains("within the last 30 days");
        }
        assertThat(admin.get("/api/screens/" + p.id() + "/plays").json().size()).isZero();
    }
}
