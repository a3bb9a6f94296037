package org.gongkai.search;

import org.gongkai.support.DemoBrowserTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.gongkai.support.Browser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10.2: every common word on the touchscreen's keyboard (the list in kiosk-web/touch/keyboard.js, read from the
 * page itself) finds at least one demo item when tapped, in headless Chromium.
 */
class QuickWordsBrowserTest extends DemoBrowserTest {

    @Test
    void everyQuickWordFindsADemoItem() {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920).setHasTouch(true))) {
            Page page = context.newPage();
            page.navigate(server.base + "/touch");
            page.waitForSelector("#attract:not([hidden])");
            page.click("#attract");
            page.click("#search");
            page.waitForSelector(".keyboard .word");
            List<String> words = page.locator(".keyboard .word").allTextContents();
            assertThat(words).as("the keyboard's common words").hasSizeGreaterThanOrEqualTo(10).contains("社保", "公积金", "户口", "残疾人");
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (String word : words) {
                page.locator(".keyboard .word[data-word='" + word + "']").click();
                page.waitForSelector(".results .count, .results .empty, .results .error");
                found.put(word, page.locator(".results .entry-title").allTextContents());
            }
            assertThat(found).as("titles found per quick word").allSatisfy((word, titles) -> assertThat(titles).as(word).isNotEmpty());
        }
    }
}
