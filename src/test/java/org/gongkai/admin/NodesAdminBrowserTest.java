package org.gongkai.admin;

import com.microsoft.playwright.Page;
import org.gongkai.config.Config;
import org.gongkai.support.Browser;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.PairedScreen;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The screens view at 1366x768 of a deployment with several nodes: which run, and which holds each screen. */
class NodesAdminBrowserTest {
    private static TestServer one;
    private static TestServer two;
    private static Browser browser;

    @BeforeAll
    static void start() {
        one = TestServer.start(false, c -> c.withCluster(new Config.Cluster("gk-node-1", true, 1000)));
        two = one.secondNode("gk-node-2");
        one.secondNode("gk-node-3").close(); // a node that ran and stopped
        Fixtures.basics(one.admin());
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        two.close();
        one.close();
    }

    @Test
    void theScreensViewNamesEachScreensNodeAndWhichNodesRun() throws Exception {
        Http admin = one.admin();
        List<PairedScreen> screens = List.of(PairedScreen.pair(one, admin, "plaza"), PairedScreen.pair(two, admin, "plaza"),
                PairedScreen.pair(two, admin, "hall"));

        // each node writes how many screens it holds with its beat, every 5 s
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            String nodes = admin.get("/api/nodes").body();
            if (nodes.contains("\"screens\":1") && nodes.contains("\"screens\":2")) break;
            Thread.sleep(200);
        }

        List<String> errors = new ArrayList<>();
        Page page = browser.adminView(two.base, "screens", errors);
        page.waitForSelector("#nodes:not([hidden]) >> text=gk-node-3");
        String nodes = page.textContent("#nodes");
        assertThat(nodes).contains("服务节点", "gk-node-1", "gk-node-2", "运行中", "1 块屏", "2 块屏");
        assertThat(page.locator("#nodes span", new Page.LocatorOptions().setHasText("gk-node-3")).textContent())
                .contains("未运行");
        assertThat(page.textContent("thead")).contains("节点");
        for (PairedScreen s : screens) {
            String node = admin.get("/api/screens/" + s.id()).json().path("node").asText();
            assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("广场东屏")).allTextContents())
                    .anySatisfy(row -> assertThat(row).contains(node));
        }
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("admin-screens-nodes-1366x768.png")));
        page.context().close();
        screens.forEach(s -> s.client().close());
        assertThat(errors).as("script errors").isEmpty();
    }
}
