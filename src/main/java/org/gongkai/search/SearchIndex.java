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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.gongkai.content.Item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search over the published items, in memory: any part of the title, of the summary and kind-specific
 * fields, or of the body (characters and pairs of characters, see Grams), with synonyms, ranked with the title
 * first; by document or index number; or by pinyin, full or initials, of the title's words (see Matching). Rebuilt
 * from the database at start and kept current from the change feed, so several nodes each hold their own.
 */
public final class SearchIndex implements AutoCloseable {
    public record Hit(long id, float score, List<String> highlights) {}

    public record Result(String mode, long total, List<Hit> hits) {}

    private static final int MAX_QUERY = 100;

    private final Analyzer words = new SmartChineseAnalyzer(true);   // queries: stop words and punctuation dropped
    private final Analyzer segments = new SmartChineseAnalyzer(false); // pinyin keys: every segment, in order
    private final Matching matching;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public SearchIndex(Synonyms synonyms) {
        matching = new Matching(words, synonyms);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(Grams.ANALYZER));
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
        Matching.Plan plan = matching.plan(query);
        if (plan.query() == null) return new Result(plan.mode(), 0, List.of());
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(plan.query(), Occur.MUST)
                .add(LongPoint.newRangeQuery("start", Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER)
                .add(LongPoint.newRangeQuery("end", now.toEpochMilli() + 1, Long.MAX_VALUE), Occur.FILTER);
        if (kind != null && !kind.isBlank()) all.add(new TermQuery(new Term("kind", kind)), Occur.FILTER);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // Every match counted (not Lucene's default "at least 1,000"): the touchscreen pages by the total.
                TopDocs top = searcher.search(all.build(), new TopScoreDocCollectorManager(Math.max(1, offset + limit), Integer.MAX_VALUE));
                List<Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length; i++) {
                    Document doc = searcher.storedFields().document(docs[i].doc);
                    hits.add(new Hit(Long.parseLong(doc.get("id")), docs[i].score, highlights(doc, plan)));
                }
                return new Result(plan.mode(), top.totalHits.value, hits);
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
        d.add(new StoredField("title", item.title()));
        if (item.summary() != null) d.add(new StoredField("summary", item.summary()));
        d.add(new TextField(Matching.TITLE, item.title(), Field.Store.NO));
        d.add(new StringField(Matching.EXACT, Text.exact(item.title()), Field.Store.NO));
        for (String text : ItemText.about(item)) d.add(new TextField(Matching.ABOUT, text, Field.Store.NO));
        if (item.body() != null) d.add(new TextField(Matching.BODY, item.body(), Field.Store.NO));
        if (item.policy() != null) {
            for (String key : DocNumbers.keys(item.policy().documentNumber(), item.policy().indexNumber())) {
                d.add(new StringField(Matching.DOCNO, key, Field.Store.NO));
            }
        }
        StringBuilder stored = new StringBuilder();
        for (Map.Entry<String, String> k : pinyinKeys(item.title()).entrySet()) {
            d.add(new StringField(Matching.PINYIN_KEYS, k.getKey(), Field.Store.NO));
            stored.append(k.getKey()).append('\t').append(k.getValue()).append('\n');
        }
        d.add(new StoredField("pinyin", stored.toString()));
        return d;
    }

    /** Keys of the title's words and runs of words; a long word's parts have theirs too (社会保险: shehui, bx). */
    Map<String, String> pinyinKeys(String title) {
        List<String> segmented = terms(segments, title);
        Map<String, String> keys = Pinyin.keys(segmented);
        for (String word : segmented) {
            if (word.length() < 3 || !Pinyin.hasHan(word)) continue;
            List<String> parts = terms(segments, word);
            if (parts.size() > 1) Pinyin.keys(parts).forEach(keys::putIfAbsent);
        }
        return keys;
    }

    /** The words to mark in the title and summary: the query's words, or their synonyms, that are in them. */
    private static List<String> highlights(Document doc, Matching.Plan plan) {
        String text = doc.get("title") + " " + (doc.get("summary") == null ? "" : doc.get("summary"));
        Set<String> marks = new LinkedHashSet<>();
        if (plan.pinyinKey() != null) marks.addAll(pinyinHighlights(doc.get("pinyin"), plan.pinyinKey()));
        for (Matching.Unit unit : plan.units()) {
            for (String alternative : unit.alternatives()) if (text.contains(alternative)) marks.add(alternative);
        }
        return List.copyOf(marks);
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

    /** The bytes the index's files take in memory (the benchmark reports it). */
    public long sizeInBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) bytes += directory.fileLength(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
