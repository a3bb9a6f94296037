package org.gongkai.feeds;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A portal feed and its state. Its entries become items of its kind, department, category and screen groups;
 * trusted: published as imported instead of waiting for review. lastError is in plain words, null after a success.
 */
public record Feed(long id, String name, String url, Format format, Map<String, String> jsonFields, int intervalSeconds,
                   String department, String kind, String category, List<String> targetGroups, boolean trusted,
                   OffsetDateTime createdAt, OffsetDateTime lastFetchAt, OffsetDateTime lastSuccessAt, String lastError,
                   int entriesImported, List<Gone> gone) {

    /** rss: RSS 2.0 or Atom 1.0 (Rome tells them apart); json: a list whose field names jsonFields maps. */
    public enum Format {
        RSS, JSON;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An entry the portal no longer lists: its item stays as it is until staff decide. */
    public record Gone(String title, String link, long itemId, OffsetDateTime since) {}

    /** One fetch: what it did, or why it failed. */
    public record LogEntry(OffsetDateTime at, boolean ok, int added, int changed, int unchanged, int gone, int skipped,
                           String error) {}

    Feed withGone(List<Gone> list) {
        return new Feed(id, name, url, format, jsonFields, intervalSeconds, department, kind, category, targetGroups,
                trusted, createdAt, lastFetchAt, lastSuccessAt, lastError, entriesImported, list);
    }
}
