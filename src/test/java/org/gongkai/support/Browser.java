package org.gongkai.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Playwright and one headless Chromium for a test class. The machine's Chromium (/usr/bin/chromium, installed by
 * scripts/setup.sh) is used; Playwright downloads no browser.
 */
public final class Browser implements AutoCloseable {
    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    public final Playwright playwright;
    public final com.microsoft.playwright.Browser chromium;

    public Browser() {
        this(new String[0]);
    }

    /** @param extraArgs more Chromium flags, e.g. --autoplay-policy=no-user-gesture-required as the kiosk start line has */
    public Browser(String... extraArgs) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new java.util.ArrayList<>(List.of(
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"));
        args.addAll(List.of(extraArgs));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) options.setExecutablePath(SYSTEM_CHROMIUM);
        chromium = playwright.chromium().launch(options);
    }

    /** Logs in through the admin page's own form (the page must show it) and waits for the navigation. */
    public static void logInToAdmin(com.microsoft.playwright.Page page, String username, String password) {
        page.fill("#login [name=username]", username);
        page.fill("#login [name=password]", password);
        page.click("#login button[type=submit]");
        page.waitForSelector("#nav a");
    }

    /**
     * A page of its own (1366x768, zh-CN, Beijing time) on the admin page's view, logged in as admin; script errors go
     * to errors. Close it with page.context().close().
     */
    public com.microsoft.playwright.Page adminView(String base, String view, List<String> errors) {
        com.microsoft.playwright.BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        com.microsoft.playwright.Page page = context.newPage();
        page.onPageError(errors::add);
        page.navigate(base + "/admin#" + view);
        logInToAdmin(page, "admin", TestServer.ADMIN_PASSWORD);
        page.navigate(base + "/admin#" + view);
        return page;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
