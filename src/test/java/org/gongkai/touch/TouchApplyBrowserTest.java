package org.gongkai.touch;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 依申请公开 at the touchscreen (issue 15.2): a resident types name and request in Chinese through pinyin on the
 * screen's keyboard, checks it, sends it, and takes a printed receipt; staff see it as received at that screen; the
 * idle reset leaves nothing. And the same form on the mobile page.
 */
class TouchApplyBrowserTest {
    static final String ID = "11010519491231002X"; // GB 11643-1999's worked example
    static TestServer server;
    static Browser browser;
    static Http admin;

    @BeforeAll
    static void setUp() throws Exception {
        java.nio.file.Files.createDirectories(TouchBrowserTest.SHOTS);
        server = TestServer.start(true, c -> c);
        browser = new Browser();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** Types pinyin letters and taps the candidate text offered for them. */
    static void pinyin(Page page, String letters, String word) {
        for (char c : letters.toCharArray()) TouchBrowserTest.tap(page, ".keyboard.entry .key[data-key='" + c + "']");
        page.waitForSelector(".candidate:text-is('" + word + "')");
        TouchBrowserTest.tap(page, ".candidate:text-is('" + word + "')");
    }

    static void keys(Page page, String text) {
        for (char c : text.toCharArray()) TouchBrowserTest.tap(page, ".keyboard.entry .key[data-key='" + c + "']");
    }

    static String field(Page page, String name) {
        return page.textContent(".field-box[data-field='" + name + "']");
    }

    @Test
    void aResidentAppliesInChineseTakesAReceiptAndStaffSeeWhereItWasReceived() throws Exception {
        Http.Response group = admin.put("/api/screen-groups/touch", "{\"name\":\"大厅查询触摸屏\",\"viewingDistanceMeters\":0.6,"
                + "\"screenHeightMeters\":0.95,\"defaultDurationSeconds\":10,\"printLayout\":\"receipt80\"}");
        assertThat(group.status()).as(group.body()).isEqualTo(200);
        for (int[] size : new int[][]{{1080, 1920}, {1920, 1080}}) {
            String suffix = size[0] + "x" + size[1];
            try (BrowserContext context = TouchBrowserTest.context(browser, size[0], size[1])) {
                Page page = TouchPrintBrowserTest.printingPage(context);
                String screenName = "申请查询机" + size[0];
                TouchBrowserTest.pair(page, server, "/touch?idle=600", screenName);
                TouchBrowserTest.tap(page, "#apply");
                page.waitForSelector(".field-box[data-field='name'].active");
                assertThat(TouchLayout.measure(page, "apply form", false).failures()).isEmpty();

                keys(page, "li");
                page.waitForSelector(".candidate:text-is('李')");
                assertThat(page.textContent(".composing")).isEqualTo("li");
                page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("touch-apply-form-" + suffix + ".png")));
                TouchBrowserTest.tap(page, ".candidate:text-is('李')");
                pinyin(page, "si", "四");
                assertThat(field(page, "name")).isEqualTo("李四");

                TouchBrowserTest.tap(page, ".key[data-key='next']");
                page.waitForSelector(".field-box[data-field='idNumber'].active");
                assertThat(page.locator(".keyboard.entry .key[data-key='X']").count()).as("a resident ID keypad has X").isEqualTo(1);
                keys(page, ID.substring(0, 17) + "5"); // one wrong character
                TouchBrowserTest.tap(page, ".key[data-key='next']");
                assertThat(page.textContent("[data-error-for='idNumber']")).contains("校验不通过");
                TouchBrowserTest.tap(page, ".field-box[data-field='idNumber']");
                TouchBrowserTest.tap(page, ".key[data-key='delete']");
                keys(page, "X");
                TouchBrowserTest.tap(page, ".key[data-key='next']");
                assertThat(page.locator("[data-error-for='idNumber']").count()).isZero();
                keys(page, "13912345678");
                TouchBrowserTest.tap(page, ".key[data-key='next']");
                page.waitForSelector(".field-box[data-field='subject'].active");
                keys(page, "2025");
                pinyin(page, "nian", "年");
                pinyin(page, "yanglao", "养老");
                pinyin(page, "baoxian", "保险");
                pinyin(page, "jijin", "基金");
                assertThat(field(page, "subject")).isEqualTo("2025年养老保险基金");
                TouchBrowserTest.tap(page, ".choice[data-choice='post']");
                TouchBrowserTest.tap(page, ".field-box[data-field='address']");
                pinyin(page, "renmin", "人民");
                pinyin(page, "lu", "路");
                keys(page, "12");
                pinyin(page, "hao", "号");
                assertThat(field(page, "address")).isEqualTo("人民路12号");

                TouchBrowserTest.tap(page, "#apply-review");
                page.waitForSelector(".apply-summary");
                String summary = page.textContent(".apply-summary");
                assertThat(summary).contains("李四", ID, "13912345678", "2025年养老保险基金", "邮寄", "人民路12号");
                assertThat(TouchLayout.measure(page, "apply confirm", false).failures()).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("touch-apply-confirm-" + suffix + ".png")));
                TouchBrowserTest.tap(page, "#apply-send");
                page.waitForSelector("#apply-done");
                page.waitForSelector("#print-done:not([hidden])");
                String number = page.textContent(".receipt-facts tr:nth-child(1) td");
                String code = page.textContent(".receipt-facts tr:nth-child(2) td");
                assertThat(number).matches("YSQ\\d{4}-\\d{6}");
                assertThat(code).matches("[0-9A-Z]{8}");
                assertThat(page.textContent(".receipt")).contains("20 个工作日");
                assertThat(TouchLayout.measure(page, "apply done", false).failures()).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("touch-apply-done-" + suffix + ".png")));

                JsonNode staff = admin.get("/api/applications/" + number).json();
                assertThat(staff.get("channel").asText()).isEqualTo("kiosk");
                assertThat(staff.get("applicant").asText()).isEqualTo("李四");
                assertThat(staff.get("subject").asText()).isEqualTo("2025年养老保险基金");
                assertThat(staff.get("selfService").get("screenName").asText()).isEqualTo(screenName);
                assertThat(staff.get("selfService").get("address").asText()).isEqualTo("人民路12号");
                JsonNode looked = server.anonymous().get("/api/applications/lookup?number=" + number + "&code=" + code).json();
                assertThat(looked.get("deadline").asText()).isEqualTo(staff.get("deadline").asText());

                if (size[0] != 1080) continue; // the paper is the same whatever the screen
                try (PDDocument pdf = Loader.loadPDF(TouchPrintBrowserTest.pdf(page))) {
                    assertThat(pdf.getNumberOfPages()).as("one strip of paper").isEqualTo(1);
                    assertThat(pdf.getPage(0).getMediaBox().getWidth() / TouchPrintBrowserTest.MM)
                            .isCloseTo(80, org.assertj.core.data.Offset.offset(0.5));
                    String text = TouchPrintBrowserTest.flat(new PDFTextStripper().getText(pdf));
                    TouchPrintBrowserTest.assertInOrder(text, List.of("政府信息公开申请回执", "申请编号", number, "查询码", code,
                            "收到日期", "答复期限", "20个工作日", "李*", "139****5678", "邮寄", "打印时间"));
                    assertThat(text).doesNotContain("李四").doesNotContain("13912345678").doesNotContain(ID);
                    TouchPrintBrowserTest.assertWithinPaper(pdf, 4);
                    ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 150), "png",
                            TouchBrowserTest.SHOTS.resolve("touch-apply-receipt80.png").toFile());
                }
            }
        }
    }

    @Test
    void inLargeTextTheFormMeetsTheSizesAndTheIdleResetLeavesNothingTyped() {
        try (BrowserContext context = TouchBrowserTest.context(browser, 1080, 1920)) {
            Page page = TouchPrintBrowserTest.printingPage(context);
            TouchBrowserTest.pair(page, server, "/touch?idle=6", "空闲申请查询机");
            TouchBrowserTest.tap(page, "#large");
            TouchBrowserTest.tap(page, "#apply");
            pinyin(page, "wang", "王");
            keys(page, "wu");
            page.waitForSelector(".candidate:text-is('五')");
            TouchLayout.Result large = TouchLayout.measure(page, "apply form, 大字, candidates", true);
            assertThat(large.failures()).isEmpty();
            assertThat(large.targets()).isGreaterThan(40);
            page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("touch-apply-large-1080x1920.png")));
            TouchBrowserTest.tap(page, "#apply-review");
            assertThat(page.locator(".field-error").count()).as("the empty fields are named").isGreaterThanOrEqualTo(2);
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(30_000));
            page.click("#attract");
            TouchBrowserTest.tap(page, "#apply");
            page.waitForSelector(".field-box[data-field='name'] .placeholder");
            assertThat(page.textContent(".apply-fields")).doesNotContain("王");
            assertThat(page.textContent(".composing")).doesNotContain("wu");
            assertThat(page.locator("body.large").count()).isZero();
        }
    }

    @Test
    void inLargeTextAndLandscapeTheCheckAndTheReceiptMeetTheSizes() {
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page page = TouchPrintBrowserTest.printingPage(context);
            TouchBrowserTest.pair(page, server, "/touch?idle=600", "大字申请查询机");
            TouchBrowserTest.tap(page, "#large");
            TouchBrowserTest.tap(page, "#apply");
            pinyin(page, "zhou", "周");
            TouchBrowserTest.tap(page, ".key[data-key='next']");
            keys(page, ID);
            TouchBrowserTest.tap(page, ".key[data-key='next']");
            keys(page, "0571-87654321");
            TouchBrowserTest.tap(page, ".key[data-key='next']");
            pinyin(page, "dibao", "低保");
            TouchBrowserTest.tap(page, "#apply-review");
            page.waitForSelector(".apply-summary");
            assertThat(TouchLayout.measure(page, "apply confirm, 大字, landscape", true).failures()).isEmpty();
            TouchBrowserTest.tap(page, "#apply-send");
            page.waitForSelector("#apply-done");
            assertThat(TouchLayout.measure(page, "apply done, 大字, landscape", true).failures()).isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("touch-apply-done-large-1920x1080.png")));
            TouchBrowserTest.tap(page, "#apply-finish");
            page.waitForSelector("#attract:not([hidden])");
            assertThat(page.textContent("#print-sheet")).as("the receipt's sheet is emptied with the rest").isEmpty();
        }
    }

    @Test
    void theSameFormOnAPhoneArrivesOnline() {
        try (BrowserContext context = browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setHasTouch(true).setIsMobile(true))) {
            Page page = context.newPage();
            page.navigate(server.base + "/m/apply");
            page.waitForSelector("#f-name");
            page.fill("#f-name", "赵六");
            page.fill("#f-idNumber", "330106199003071235"); // check digit wrong
            page.fill("#f-phone", "0571-87654321");
            page.fill("#f-subject", "本县2026年农村公路养护资金安排");
            page.check("input[name='delivery'][value='email']");
            page.waitForSelector("#f-email");
            page.fill("#f-email", "zhaoliu@example.cn");
            page.click("#apply-send");
            assertThat(page.textContent("#e-idNumber")).contains("校验不通过");
            page.fill("#f-idNumber", "330106199003071236");
            page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("m-apply-390x844.png")).setFullPage(true));
            page.click("#apply-send");
            page.waitForSelector("#apply-done");
            String number = page.textContent(".facts tr:nth-child(1) td");
            page.screenshot(new Page.ScreenshotOptions().setPath(TouchBrowserTest.SHOTS.resolve("m-apply-done-390x844.png")));
            JsonNode staff = admin.get("/api/applications/" + number).json();
            assertThat(staff.get("channel").asText()).isEqualTo("online");
            assertThat(staff.get("selfService").get("email").asText()).isEqualTo("zhaoliu@example.cn");
            assertThat(staff.get("selfService").get("screenId").isNull()).isTrue();
        }
    }
}
