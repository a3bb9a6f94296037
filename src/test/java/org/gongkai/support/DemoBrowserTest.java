package org.gongkai.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A browser test class against one real server with the demo county loaded and one headless Chromium; screenshots go
 * to target/screenshots. JUnit runs these before and after each subclass (a subclass's own set-up runs after).
 */
public abstract class DemoBrowserTest {
    public static final Path SHOTS = Path.of("target", "screenshots");
    protected static TestServer server;
    protected static Browser browser;

    @BeforeAll
    static void startDemoAndBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        // No server speech: these pages are tested with the browser's own voices, or none (ServerSpeechBrowserTest
        // tests the server's)
        server = TestServer.start(true, c -> c.withSpeech(new org.gongkai.config.Config.Speech("", "cmn-latn-pinyin", 150)));
        browser = new Browser();
    }

    @AfterAll
    static void stopDemoAndBrowser() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }
}
