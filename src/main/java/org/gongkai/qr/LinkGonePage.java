package org.gongkai.qr;

import org.gongkai.config.Config;
import org.gongkai.departments.Department;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The page a person's phone shows when a short link no longer leads to a published item: what happened, and where to
 * look instead (the portal, the hall, the office's phone, the publishing department). Rendered on the server, every
 * value escaped, no script and no inline style, so that it works under the site's Content-Security-Policy and on any
 * phone browser. Chinese by default; ?lang=en gives English.
 */
public final class LinkGonePage {
    /** Why the link leads nowhere. */
    public enum Reason { WITHDRAWN, ALERT_LIFTED, NOT_YET_PUBLISHED, UNKNOWN }

    private record Text(String whereTitle, String portal, String hall, String phone,
                        String department, String footer, String otherLang, String otherLangLabel) {}

    private static final Text ZH = new Text("您可以这样查找最新信息", "政府门户网站·政务公开专栏",
            "政务服务大厅", "咨询电话", "发布单位", "政务公开", "en", "English");
    private static final Text EN = new Text("Where to find current information", "The county portal's disclosure column",
            "In person", "Ask by phone", "Published by", "Government information disclosure", "zh", "中文");

    private final Config.Office office;

    public LinkGonePage(Config.Office office) {
        this.office = office;
    }

    /** The whole page; department is the publishing department when the link once led to an item, else null. */
    public String render(Reason reason, boolean english, Department department) {
        Text t = english ? EN : ZH;
        String[] headline = headline(reason, english);
        StringBuilder where = new StringBuilder();
        for (String entry : where(t, english, department)) where.append("\n      ").append(entry);
        String officeName = english && present(office.nameEn()) ? office.nameEn() : office.name();
        return """
                <!doctype html>
                <html lang="%s">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex">
                  <title>%s - %s</title>
                  <link rel="stylesheet" href="/kiosk/m/item.css">
                  <link rel="stylesheet" href="/kiosk/m/link-gone.css">
                </head>
                <body class="link-gone">
                  <header><a class="lang" href="?lang=%s" hreflang="%s">%s</a></header>
                  <main>
                    <h1>%s</h1>
                    <p class="what">%s</p>
                    <h2>%s</h2>
                    <ul class="where">%s
                    </ul>
                  </main>
                  <footer><p>%s · %s</p></footer>
                </body>
                </html>
                """.formatted(english ? "en" : "zh-CN", esc(headline[0]), esc(t.footer()), t.otherLang(), t.otherLang(),
                esc(t.otherLangLabel()), esc(headline[0]), esc(headline[1]), esc(t.whereTitle()), where,
                esc(officeName), esc(t.footer()));
    }

    private List<String> where(Text t, boolean english, Department department) {
        List<String> out = new ArrayList<>();
        if (present(office.portalUrl())) {
            out.add(entry(t.portal(), "<a href=\"" + esc(office.portalUrl()) + "\">" + esc(office.portalUrl()) + "</a>"));
        }
        String hall = english && present(office.hallEn()) ? office.hallEn() : office.hall();
        if (present(hall)) out.add(entry(t.hall(), esc(hall)));
        if (present(office.phone())) {
            String name = english && present(office.nameEn()) ? office.nameEn() : office.name();
            out.add(entry(t.phone(), esc(name) + phoneLink(office.phone())));
        }
        if (department != null) {
            String name = english && present(department.nameEn()) ? department.nameEn() : department.name();
            out.add(entry(t.department(), esc(name) + (present(department.phone()) ? phoneLink(department.phone()) : "")));
        }
        return out;
    }

    private static String entry(String label, String html) {
        return "<li><span class=\"label\">" + esc(label) + "</span>" + html + "</li>";
    }

    private static String phoneLink(String phone) {
        String dial = phone.replaceAll("[^0-9+]", "");
        return "<a class=\"phone\" href=\"tel:" + esc(dial) + "\">" + esc(phone) + "</a>";
    }

    private static String[] headline(Reason reason, boolean english) {
        return switch (reason) {
            case WITHDRAWN -> english
                    ? new String[]{"This item has been withdrawn", "The office that published it has withdrawn it: it is no longer "
                            + "on public display, and the QR code you scanned no longer leads to it."}
                    : new String[]{"这条信息已撤回", "发布单位已撤回这条信息，它不再公开展示，您扫描的二维码也不再指向它。"};
            case ALERT_LIFTED -> english
                    ? new String[]{"This alert has been lifted", "The warning is no longer in force. Follow the latest "
                            + "announcements: a new alert, if any, is shown on the screens and on the portal."}
                    : new String[]{"该预警已解除", "这条预警已经解除，不再生效。请以最新发布的信息为准；如有新的预警，会在公开屏和政府网站上发布。"};
            case NOT_YET_PUBLISHED -> english
                    ? new String[]{"This item is not published yet", "Its publication time has not come; please scan the code again later."}
                    : new String[]{"这条信息尚未发布", "还没有到这条信息的发布时间，请稍后再扫码查看。"};
            case UNKNOWN -> english
                    ? new String[]{"Nothing was found at this address", "The QR code or the address may have been misread, "
                            + "or the item no longer exists."}
                    : new String[]{"没有找到这条信息", "二维码或网址可能有误，或者这条信息已不存在。"};
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
