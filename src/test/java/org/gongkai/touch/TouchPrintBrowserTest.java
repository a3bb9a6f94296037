package org.gongkai.touch;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.gongkai.support.Browser;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 打印 at the touchscreen (issue 15.1), printed to PDF by the browser as a kiosk Chromium would print it: the page
 * size of the group's printer, every field a resident needs, in the order they need it, nothing past the paper's
 * edge, and a QR code on paper that a phone can read.
 */
class TouchPrintBrowserTest {
    static final String GUIDE = "城乡居民养老保险参保登记";
    static final double MM = 72 / 25.4; // PDF points per millimetre
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

    @Test
    void aGuideOnTheReceiptPrinterPutsPlaceHoursPhoneAndMaterialsFirstAndTheQrLast() throws Exception {
        setLayout("receipt80");
        JsonNode guide = item("guide", GUIDE);
        JsonNode g = guide.get("guide");
        for (int[] size : new int[][]{{1080, 1920}, {1920, 1080}}) {
            try (BrowserContext context = TouchBrowserTest.context(browser, size[0], size[1])) {
                Page page = pairedPage(context, "打印查询机" + size[0]);
                open(page, "办事指南", GUIDE);
                TouchBrowserTest.tap(page, ".qr .print");
                page.waitForSelector("#print-done:not([hidden])");
                assertThat(page.textContent("#print-done")).isEqualTo("正在打印，请在下方出纸口取走");
                TouchBrowserTest.tap(page, ".qr .print"); // tapped again while it prints: still one sheet
                assertThat(TouchLayout.measure(page, "item with print confirmation", false).failures()).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(
                        TouchBrowserTest.SHOTS.resolve("touch-print-done-" + size[0] + "x" + size[1] + ".png")));
                if (size[0] != 1080) continue; // the paper is the same whatever the screen

                try (PDDocument pdf = Loader.loadPDF(pdf(page))) {
                    assertThat(pdf.getNumberOfPages()).as("a receipt is one strip of paper").isEqualTo(1);
                    PDRectangle box = pdf.getPage(0).getMediaBox();
                    assertThat(box.getWidth() / MM).as("width in mm").isCloseTo(80, org.assertj.core.data.Offset.offset(0.5));
                    String text = flat(new PDFTextStripper().getText(pdf));
                    List<String> inOrder = new ArrayList<>(List.of(GUIDE, "办理地点与时间", flat(g.get("hours").asText()),
                            g.get("phone").asText(), "申请材料"));
                    for (JsonNode m : g.get("materials")) inOrder.add(flat(m.get("name").asText()));
                    inOrder.add("手机扫码阅读全文");
                    inOrder.add(guide.get("shortUrl").asText());
                    assertInOrder(text, inOrder);
                    assertThat(text).contains("打印时间");
                    assertWithinPaper(pdf, 4);
                    assertThat(qrOnPaper(pdf, "touch-print-receipt80")).isEqualToIgnoringCase(guide.get("shortUrl").asText());
                }
            }
        }
    }

    @Test
    void onAnA4PrinterTheWholeGuideIsPrintedAndWithoutAPrinterThereIsNoButton() throws Exception {
        JsonNode guide = item("guide", GUIDE);
        JsonNode g = guide.get("guide");
        setLayout("a4");
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page page = pairedPage(context, "A4查询机");
            open(page, "办事指南", GUIDE);
            TouchBrowserTest.tap(page, ".qr .print");
            page.waitForSelector("#print-done:not([hidden])");
            assertThat(page.textContent("#print-done")).isEqualTo("正在打印，请在打印机取走");
            try (PDDocument pdf = Loader.loadPDF(pdf(page))) {
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    PDRectangle box = pdf.getPage(i).getMediaBox();
                    assertThat(box.getWidth() / MM).as("A4 width in mm").isCloseTo(210, org.assertj.core.data.Offset.offset(0.5));
                    assertThat(box.getHeight() / MM).as("A4 height in mm").isCloseTo(297, org.assertj.core.data.Offset.offset(0.5));
                }
                String text = flat(new PDFTextStripper().getText(pdf));
                List<String> whole = new ArrayList<>(List.of(GUIDE, "受理条件", "申请材料"));
                for (JsonNode m : g.get("materials")) whole.add(flat(m.get("name").asText()));
                whole.add("办理流程");
                for (JsonNode step : g.get("steps")) whole.add(flat(step.get("name").asText()));
                whole.addAll(List.of("办理时限与收费", "办理地点与时间", flat(g.get("hours").asText()), g.get("phone").asText()));
                if (g.path("legalBasis").size() > 0) whole.add("设定依据");
                for (JsonNode basis : g.path("legalBasis")) whole.add(flat(basis.asText()));
                for (JsonNode faq : g.path("faq")) whole.add(flat(faq.get("q").asText()));
                whole.add(guide.get("shortUrl").asText());
                assertInOrder(text, whole);
                assertWithinPaper(pdf, 15);
                assertThat(qrOnPaper(pdf, "touch-print-a4")).isEqualToIgnoringCase(guide.get("shortUrl").asText());
            }
        }
        setLayout("none");
        try (BrowserContext context = TouchBrowserTest.context(browser, 1920, 1080)) {
            Page page = pairedPage(context, "无打印机查询机");
            TouchBrowserTest.tap(page, ".tile:has-text('办事指南')");
            TouchBrowserTest.tap(page, ".entry:has-text('" + GUIDE + "')");
            page.waitForSelector(".qr figcaption");
            assertThat(page.locator(".qr .print").count()).as("no printer, no 打印").isZero();
        }
    }

    @Test
    void theIdleResetLeavesNothingOfWhatWasPrinted() {
        setLayout("receipt80");
        try (BrowserContext context = TouchBrowserTest.context(browser, 1080, 1920)) {
            Page page = printingPage(context);
            TouchBrowserTest.pair(page, server, "/touch?idle=4", "空闲打印查询机");
            open(page, "办事指南", GUIDE);
            TouchBrowserTest.tap(page, ".qr .print");
            page.waitForSelector("#print-done:not([hidden])");
            assertThat(page.textContent("#print-sheet")).contains(GUIDE);
            page.waitForSelector("#attract:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(20_000));
            assertThat(page.textContent("#print-sheet")).isEmpty();
            assertThat(page.isHidden("#print-done")).isTrue();
        }
    }

    private static void setLayout(String layout) {
        Http.Response r = admin.put("/api/screen-groups/touch", "{\"name\":\"大厅查询触摸屏\",\"viewingDistanceMeters\":0.6,"
                + "\"screenHeightMeters\":0.95,\"defaultDurationSeconds\":10,\"printLayout\":\"" + layout + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode item(String kind, String title) {
        for (JsonNode i : admin.get("/api/items?kind=" + kind + "&size=100").json().get("items")) {
            if (title.equals(i.get("title").asText())) return admin.get("/api/items/" + i.get("id").asText()).json();
        }
        throw new AssertionError("no " + kind + " titled " + title);
    }

    private static Page pairedPage(BrowserContext context, String name) {
        Page page = printingPage(context);
        TouchBrowserTest.pair(page, server, "/touch", name);
        return page;
    }

    /**
     * Headless Chromium has no printer: its window.print() starts a job that never ends and blocks page.pdf(). The
     * page's call is counted instead, and page.pdf() renders what the printer would have got, through the same
     * print layout and @page rules.
     */
    static Page printingPage(BrowserContext context) {
        Page page = context.newPage();
        page.addInitScript("window.gongkaiPrints = 0; window.print = function () { window.gongkaiPrints++; };");
        return page;
    }

    private static void open(Page page, String tile, String title) {
        TouchBrowserTest.tap(page, ".tile:has-text('" + tile + "')");
        TouchBrowserTest.tap(page, ".entry:has-text('" + title + "')");
        page.waitForSelector(".item h1");
        page.waitForSelector(".qr .print");
    }

    /** The page as the browser prints it, on the paper print.js asked for. */
    static byte[] pdf(Page page) {
        assertThat(((Number) page.evaluate("() => window.gongkaiPrints")).intValue()).as("window.print() called").isEqualTo(1);
        page.waitForFunction("() => [...document.querySelectorAll('#print-sheet img')].every(i => i.complete && i.naturalWidth > 0)");
        return page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
    }

    static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    static void assertInOrder(String text, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertThat(found).as("'%s' printed after what comes before it, in: %s", part, text).isGreaterThanOrEqualTo(0);
            at = found + part.length();
        }
    }

    /** Every glyph inside the page's margins (less half a millimetre for the glyphs' own side bearings). */
    static void assertWithinPaper(PDDocument pdf, double marginMm) throws IOException {
        List<String> outside = new ArrayList<>();
        PDFTextStripper positions = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> glyphs) {
                PDRectangle box = getCurrentPage().getMediaBox();
                double least = (marginMm - 0.5) * MM;
                for (TextPosition t : glyphs) {
                    if (t.getUnicode().isBlank()) continue;
                    double left = t.getXDirAdj(), right = left + t.getWidthDirAdj();
                    double bottom = t.getYDirAdj(), top = bottom - t.getHeightDir();
                    if (left < least || right > box.getWidth() - least || top < least || bottom > box.getHeight() - least + MM) {
                        outside.add(t.getUnicode() + String.format(" at x %.1f-%.1f y %.1f-%.1f mm", left / MM, right / MM, top / MM, bottom / MM));
                    }
                }
            }
        };
        positions.getText(pdf);
        assertThat(outside).as("text at the edge of the paper").isEmpty();
    }

    /** Renders the last page, where the QR code is, as a printer of 300 dpi would, keeps it, and reads the code. */
    private static String qrOnPaper(PDDocument pdf, String name) throws Exception {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(pdf.getNumberOfPages() - 1, 300);
        ImageIO.write(image, "png", TouchBrowserTest.SHOTS.resolve(name + ".png").toFile());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
