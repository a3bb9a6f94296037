package org.gongkai.cluster;

import io.javalin.http.Context;

/** GET /api/nodes: every node that has run on this database, whether it runs now and how many screens it holds. */
public final class NodeRoutes {
    private final Nodes nodes;

    public NodeRoutes(Nodes nodes) {
        this.nodes = nodes;
    }

    public void list(Context ctx) {
        ctx.json(java.util.Map.of("self", nodes.id(), "nodes", nodes.list()));
    }
}
