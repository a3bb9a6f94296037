package org.gongkai.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;

/**
 * A browser test class against a server whose display time zone is not China's (display.timezone America/New_York,
 * with daylight saving time), without the demo but with the basic departments and groups, and one headless
 * Chromium; screenshots go to target/screenshots.
 */
public abstract class OtherZoneBrowserTest {
    public static final String ZONE = "America/New_York";
    protected static TestServer server;
    protected static Browser browser;

    @BeforeAll
    static void startServerInOtherZone() throws IOException {
        Files.createDirectories(DemoBrowserTest.SHOTS);
        server = TestServer.startInZone(ZONE);
        Fixtures.basics(server.admin());
        browser = new Browser();
    }

    @AfterAll
    static void stopServerInOtherZone() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }
}
