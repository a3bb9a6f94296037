package org.gongkai.touch;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.gongkai.support.DemoBrowserTest;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 朗读 where the browser has no voice (headless Chromium has none): the server speaks the guide with espeak-ng, the
 * page plays it part after part, and the 60 px volume buttons change the loudness of what plays.
 */
class ServerSpeechBrowserTest {
    private static TestServer server;
    private static Browser browser;

    // Every Audio the page makes, so that the test can see what plays.
    private static final String AUDIO_SPY = """
            window.__audios = [];
            const RealAudio = window.Audio;
            window.Audio = function (src) { const a = new RealAudio(src); window.__audios.push(a); return a; };""";

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DemoBrowserTest.SHOTS);
        server = TestServer.start(true, c -> c);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static Page guide(BrowserContext context) {
        context.addInitScript(AUDIO_SPY);
        Page page = context.newPage();
        page.navigate(server.base + "/touch");
        page.waitForSelector("#attract:not([hidden])");
        page.click("#attract");
        page.locator(".tile:has-text('办事指南')").first().click();
        page.locator(".entry:has-text('城乡居民养老保险参保登记')").first().click();
        page.waitForSelector(".item h1");
        return page;
    }

    @Test
    void withoutABrowserVoiceTheServerReadsTheGuideAndTheVolumeButtonsWork() {
        for (int[] size : new int[][]{{1080, 1920}, {1920, 1080}}) {
            try (BrowserContext context = TouchBrowserTest.context(browser, size[0], size[1])) {
                Page page = guide(context);
                page.waitForSelector(".item .speech .speak");
                assertThat(page.evaluate("() => speechSynthesis.getVoices().length")).as("no voice in the browser").isEqualTo(0);
                for (String button : new String[]{".speak", ".volume.down", ".volume.up"}) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> box = (Map<String, Object>) page.evaluate("s => { const r = document.querySelector('.speech ' + s)"
                            + ".getBoundingClientRect(); return { w: r.width, h: r.height }; }", button);
                    assertThat(((Number) box.get("w")).doubleValue()).as(button + " width").isGreaterThanOrEqualTo(60);
                    assertThat(((Number) box.get("h")).doubleValue()).as(button + " height").isGreaterThanOrEqualTo(60);
                }

                page.locator(".speak").click();
                page.waitForFunction("() => window.__audios.length > 0 && window.__audios[0].currentTime > 0.3", null,
                        new Page.WaitForFunctionOptions().setTimeout(20_000));
                assertThat((String) page.evaluate("() => window.__audios[0].src")).contains("/speech/0?version=");
                assertThat(page.textContent(".speak")).isEqualTo("停止朗读");
                page.locator(".volume.up").click();
                assertThat(page.evaluate("() => window.__audios[0].volume")).as("louder while it plays").isEqualTo(0.85);
                assertThat(page.textContent(".volume-level")).isEqualTo("音量 85%");
                page.screenshot(new Page.ScreenshotOptions().setPath(DemoBrowserTest.SHOTS.resolve(
                        "touch-read-aloud-" + size[0] + "x" + size[1] + ".png")));
                if (size[0] < size[1]) { // once is enough: the next part follows the first
                    page.waitForFunction("() => window.__audios.length > 1", null,
                            new Page.WaitForFunctionOptions().setTimeout(30_000));
                    assertThat((String) page.evaluate("() => window.__audios[1].src")).contains("/speech/1?version=");
                    assertThat(page.evaluate("() => window.__audios[1].volume")).as("the new volume holds").isEqualTo(0.85);
                }

                page.locator(".speak").click();
                assertThat(page.evaluate("() => window.__audios.every(a => a.paused)")).as("stopped").isEqualTo(true);
                assertThat(page.textContent(".speak")).isEqualTo("朗读");
            }
        }
    }
}
