package org.gongkai.feeds;

import java.time.OffsetDateTime;

/**
 * One entry of a portal feed as read: its key (GUID, Atom id, the JSON id field, else the link), title, link to the
 * full page on the portal, date (null when it had none that could be read) and summary as HTML (sanitized later).
 */
public record FeedEntry(String key, String title, String link, OffsetDateTime published, String summaryHtml) {
    /** What decides whether an entry changed since the last fetch. */
    public String contentHash() {
        String all = title + "\u0001" + link + "\u0001" + published + "\u0001" + summaryHtml;
        return org.gongkai.accounts.Secrets.sha256(all);
    }
}
