package org.gongkai.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.gongkai.content.Item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Full-text search over the published items, in memory: Chinese by words (smartcn segmentation) in title, summary
 * and body, ranked with the title first; or by pinyin, full or initials, of the title's words. Rebuilt from the
 * database at start and kept current from the change feed, so several nodes each hold their own.
 */
public final class SearchIndex implements AutoCloseable {
    public record Hit(long id, float score, List<String> highlights) {}

    public record Result(String mode, long total, List<Hit> hits) {}

    private static final Pattern PINYIN = Pattern.compile("[A-Za-z][A-Za-z ']*");
    private static final int MAX_QUERY = 100;

    private final Analyzer words = new SmartChineseAnalyzer(true);   // search: stop words and punctuation dropped
    private final Analyzer segments = new SmartChineseAnalyzer(false); // pinyin keys: every segment, in order
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public SearchIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(words));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the items; unpublished ones are removed. */
    public void update(Collection<Item> items) {
        try {
            for (Item item : items) {
                Term id = new Term("id", Long.toString(item.id()));
                if ("published".equals(item.status().code())) writer.updateDocument(id, document(item));
                else writer.deleteDocuments(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Collection<Long> ids) {
        try {
            for (long id : ids) writer.deleteDocuments(new Term("id", Long.toString(id)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items public at `now` (published, started, not ended) matching q, best first. */
    public Result search(String q, String kind, Instant now, int offset, int limit) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) query = query.substring(0, MAX_QUERY);
        boolean pinyin = PINYIN.matcher(query).matches();
        String key = query.toLowerCase(Locale.ROOT).replaceAll("[ ']", "");
        List<String> terms = pinyin ? List.of() : terms(words, query);
        Query match = pinyin ? pinyinQuery(key) : wordsQuery(terms);
        String mode = pinyin ? "pinyin" : "words";
        if (match == null) return new Result(mode, 0, List.of());
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(match, Occur.MUST)
                .add(LongPoint.newRangeQuery("start", Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER)
                .add(LongPoint.newRangeQuery("end", now.toEpochMilli() + 1, Long.MAX_VALUE), Occur.FILTER);
        if (kind != null && !kind.isBlank()) all.add(new TermQuery(new Term("kind", kind)), Occur.FILTER);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(all.build(), Math.max(1, offset + limit));
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    Document doc = searcher.storedFields().document(docs[i].doc);
                    hits.add(new Hit(Long.parseLong(doc.get("id")), docs[i].score,
                            pinyin ? pinyinHighlights(doc.get("pinyin"), key) : wordHighlights(doc, terms)));
                }
                return new Result(mode, top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(Item item) {
        Document d = new Document();
        d.add(new StringField("id", Long.toString(item.id()), Field.Store.YES));
        d.add(new StringField("kind", item.kind().code(), Field.Store.NO));
        d.add(new LongPoint("start", item.publishStart() == null ? Long.MIN_VALUE : item.publishStart().toInstant().toEpochMilli()));
        d.add(new LongPoint("end", item.publishEnd() == null ? Long.MAX_VALUE : item.publishEnd().toInstant().toEpochMilli()));
        d.add(new TextField("title", item.title(), Field.Store.YES));
        if (item.summary() != null) d.add(new TextField("summary", item.summary(), Field.Store.YES));
        if (item.body() != null) d.add(new TextField("body", item.body(), Field.Store.NO));
        StringBuilder stored = new StringBuilder();
        for (Map.Entry<String, String> k : Pinyin.keys(terms(segments, item.title())).entrySet()) {
            d.add(new StringField("py", k.getKey(), Field.Store.NO));
            stored.append(k.getKey()).append('\t').append(k.getValue()).append('\n');
        }
        d.add(new StoredField("pinyin", stored.toString()));
        return d;
    }

    /** Every word must be found, in the title (worth most), the summary or the body. */
    private static Query wordsQuery(List<String> terms) {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String t : terms) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("title", t)), 3f), Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term("summary", t)), 1.5f), Occur.SHOULD)
                    .add(new TermQuery(new Term("body", t)), Occur.SHOULD).build(), Occur.MUST);
        }
        return all.build();
    }

    /** A whole key (养老保险 for ylbx) counts more than the start of one (yangl...). */
    private static Query pinyinQuery(String key) {
        if (key.isEmpty()) return null;
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term("py", key)), 3f), Occur.SHOULD);
        if (key.length() >= 2) any.add(new PrefixQuery(new Term("py", key)), Occur.SHOULD);
        return any.build();
    }

    private static List<String> wordHighlights(Document doc, List<String> terms) {
        String text = doc.get("title") + " " + (doc.get("summary") == null ? "" : doc.get("summary"));
        return terms.stream().filter(text::contains).distinct().toList();
    }

    /** The words whose key is the query; when none is, the shortest words whose key starts with it. */
    private static List<String> pinyinHighlights(String stored, String key) {
        Set<String> exact = new LinkedHashSet<>();
        Set<String> started = new LinkedHashSet<>();
        int shortest = Integer.MAX_VALUE;
        for (String line : stored.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0 || !line.startsWith(key)) continue;
            String words = line.substring(tab + 1);
            if (tab == key.length()) exact.add(words);
            else if (words.length() < shortest) {
                shortest = words.length();
                started.clear();
                started.add(words);
            } else if (words.length() == shortest) started.add(words);
        }
        return List.copyOf(exact.isEmpty() ? started : exact);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
