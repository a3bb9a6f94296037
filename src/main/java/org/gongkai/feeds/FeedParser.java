package org.gongkai.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.gongkai.intake.FetchException;
import org.gongkai.intake.Fetcher;
import org.gongkai.intake.SafeXml;
import org.gongkai.web.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what a portal sent into entries: RSS 2.0 or Atom 1.0 through Rome, on a DOM that {@link SafeXml} parsed
 * (no DOCTYPE, no entities), or a JSON list whose field names the feed maps. An entry without a title or a link is
 * left out and counted; at most {@link #MAX_ENTRIES} are read.
 */
final class FeedParser {
    static final int MAX_ENTRIES = 500;
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=", Pattern.CASE_INSENSITIVE);
    private static final List<String> DATE_ELEMENTS = List.of("pubDate", "date", "published", "updated", "issued");

    record Parsed(List<FeedEntry> entries, int skipped) {}

    private FeedParser() {}

    static Parsed parse(Fetcher.Fetched fetched, Feed.Format format, Map<String, String> fields, ZoneId zone)
            throws FetchException {
        return format == Feed.Format.JSON ? json(fetched, fields, zone) : xml(fetched, zone);
    }

    private static Parsed xml(Fetcher.Fetched fetched, ZoneId zone) throws FetchException {
        Document doc = SafeXml.parse(asDeclared(fetched));
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(doc);
        } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.NOT_A_FEED, "not a feed: the document's root is <"
                    + doc.getDocumentElement().getLocalName() + ">, not RSS 2.0 (<rss>) or Atom 1.0 (<feed>)");
        }
        List<String> rawDates = rawDates(doc);
        List<FeedEntry> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < feed.getEntries().size(); i++) {
            SyndEntry e = feed.getEntries().get(i);
            String link = resolve(fetched.uri(), e.getLink());
            String title = clean(e.getTitle());
            if (title.isEmpty() || link == null || out.size() >= MAX_ENTRIES) {
                skipped++;
                continue;
            }
            String key = e.getUri() != null && !e.getUri().isBlank() ? e.getUri().strip() : link;
            out.add(new FeedEntry(key, title, link, date(e, i < rawDates.size() ? rawDates.get(i) : null, zone), summary(e)));
        }
        return new Parsed(out, skipped);
    }

    /**
     * The bytes as the parser should read them: a document that declares its encoding (or has none and is UTF-8)
     * is read as it is; one that declares none but whose Content-Type names a charset is decoded by that charset.
     */
    private static byte[] asDeclared(Fetcher.Fetched fetched) throws FetchException {
        String head = new String(fetched.body(), 0, Math.min(200, fetched.body().length), StandardCharsets.ISO_8859_1);
        if (DECLARED_ENCODING.matcher(head).find() || fetched.charset().isEmpty()) return fetched.body();
        return new String(fetched.body(), charset(fetched.charset().get())).getBytes(StandardCharsets.UTF_8);
    }

    private static Charset charset(String name) throws FetchException {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.INVALID_XML, "unknown character set '" + name + "' in Content-Type");
        }
    }

    /** The date elements' text, entry by entry in document order, for dates Rome cannot read. */
    private static List<String> rawDates(Document doc) {
        NodeList items = doc.getElementsByTagNameNS("*", "item");
        if (items.getLength() == 0) items = doc.getElementsByTagNameNS("*", "entry");
        if (items.getLength() == 0) items = doc.getElementsByTagName("item");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) out.add(firstDate((Element) items.item(i)));
        return out;
    }

    private static String firstDate(Element item) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
            String name = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
            if (n.getNodeType() == Node.ELEMENT_NODE && DATE_ELEMENTS.contains(name)) return n.getTextContent();
        }
        return null;
    }

    private static OffsetDateTime date(SyndEntry e, String raw, ZoneId zone) {
        java.util.Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        if (d != null) return d.toInstant().atZone(zone).toOffsetDateTime();
        return FeedDates.parse(raw, zone).orElse(null);
    }

    private static String summary(SyndEntry e) {
        if (e.getDescription() != null && e.getDescription().getValue() != null) return e.getDescription().getValue();
        for (SyndContent c : e.getContents()) if (c.getValue() != null) return c.getValue();
        return "";
    }

    private static Parsed json(Fetcher.Fetched fetched, Map<String, String> fields, ZoneId zone) throws FetchException {
        JsonNode root;
        try {
            Charset cs = fetched.charset().isPresent() ? charset(fetched.charset().get()) : StandardCharsets.UTF_8;
            root = Json.MAPPER.readTree(new String(fetched.body(), cs));
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.NOT_A_FEED, "not a feed: the answer is not valid JSON");
        }
        JsonNode list = fields.containsKey("items") ? at(root, fields.get("items")) : root;
        if (list == null || !list.isArray()) {
            throw new FetchException(FetchException.Reason.NOT_A_FEED, "not a feed: no JSON list at '"
                    + fields.getOrDefault("items", "(the top level)") + "'");
        }
        List<FeedEntry> out = new ArrayList<>();
        int skipped = 0;
        for (JsonNode e : list) {
            String title = clean(text(e, fields.get("title")));
            String link = resolve(fetched.uri(), text(e, fields.get("link")));
            if (title.isEmpty() || link == null || out.size() >= MAX_ENTRIES) {
                skipped++;
                continue;
            }
            String id = text(e, fields.get("id"));
            out.add(new FeedEntry(id == null || id.isBlank() ? link : id.strip(), title, link,
                    FeedDates.parse(text(e, fields.get("date")), zone).orElse(null), orEmpty(text(e, fields.get("summary")))));
        }
        return new Parsed(out, skipped);
    }

    /** A dot path into the JSON ("data.list"); null when any part is missing. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (n == null) return null;
            n = n.get(part);
        }
        return n;
    }

    private static String text(JsonNode e, String path) {
        if (path == null) return null;
        JsonNode n = at(e, path);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    /** An http(s) address, relative ones resolved against the feed's; anything else (javascript:, data:) is none. */
    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI uri = base.resolve(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return s == null ? "" : org.jsoup.Jsoup.parse(s).text().strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
