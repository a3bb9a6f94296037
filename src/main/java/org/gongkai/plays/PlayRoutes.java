package org.gongkai.plays;

import io.javalin.http.Context;
import org.gongkai.screens.ScreenStore;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

/** GET /api/screens/{id}/plays: what a screen reported showing, newest first. Staff only. */
public final class PlayRoutes {
    private final PlayService plays;
    private final ScreenStore screens;

    public PlayRoutes(PlayService plays, ScreenStore screens) {
        this.plays = plays;
        this.screens = screens;
    }

    public void list(Context ctx) {
        String id = ctx.pathParam("id");
        if (screens.find(id).isEmpty()) throw ApiException.notFound("screen " + id);
        ctx.json(plays.latest(id, Requests.intQuery(ctx, "limit", 100, 1, 1000)));
    }
}
