package org.gongkai.push;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.plays.PlayService;
import org.gongkai.web.ApiException;

import java.time.Clock;

/**
 * Answers what a screen sends besides hello: ping with pong and played with how many plays were stored (both on
 * Jetty's thread that read the message, so the plays' database writes stay off the hub's worker), ack by keeping it
 * for the next batch write (on the hub's worker, after a hello still queued there).
 */
final class ScreenAnswers {
    private final PlayService plays;
    private final ScreenAcks acks;
    private final Clock clock;

    ScreenAnswers(PlayService plays, ScreenAcks acks, Clock clock) {
        this.plays = plays;
        this.acks = acks;
        this.clock = clock;
    }

    void ping(ScreenConnection conn) {
        conn.send(ScreenReplies.pong(clock.instant()));
    }

    void ack(ScreenConnection conn, JsonNode msg) {
        if (conn.screenId == null) {
            error(conn, "send hello first");
            return;
        }
        try {
            acks.record(conn.screenId, ScreenRequests.ack(msg));
        } catch (ScreenRequests.Refused e) {
            error(conn, e.getMessage());
        }
    }

    /**
     * Proof of play: stores the batch and answers with its id, so that the screen drops those plays from its own
     * queue only once they are stored. A screen sends plays only after its welcome.
     */
    void played(ScreenConnection conn, JsonNode msg) {
        if (conn.screenId == null) {
            error(conn, "send hello first");
            return;
        }
        String reply;
        try {
            reply = ScreenReplies.played(msg.get("batch"), plays.record(conn.screenId, msg.get("plays")));
        } catch (ApiException e) {
            reply = ScreenReplies.playedRefused(msg.get("batch"), e.getMessage());
        }
        conn.send(reply);
    }

    static void error(ScreenConnection conn, String error) {
        conn.send(ScreenReplies.error(error));
    }
}
