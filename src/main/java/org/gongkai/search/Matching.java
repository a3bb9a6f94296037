package org.gongkai.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what a citizen typed into the index's query. Three kinds of query:
 * <ul>
 * <li>Latin letters: pinyin of the titles' words, full or initials; also of a synonym (shebao: 社保, 社会保险).</li>
 * <li>A document or index number, in any brackets: that policy first, then the items that cite it.</li>
 * <li>Anything else: every word must be found, as a part of the title (worth most), of the summary and the fields
 * (conditions, materials, place...) or of the body, as itself or as one of its synonyms. The words are the
 * synonyms' words found in the query (longest first) and smartcn's words of the rest; a title that is exactly the
 * query, and one that holds a part of the query as typed, rank first.</li>
 * </ul>
 */
final class Matching {
    static final String TITLE = "title_g";
    static final String ABOUT = "about_g";
    static final String BODY = "body_g";
    static final String EXACT = "title_x";
    static final String DOCNO = "docno";
    static final String PINYIN_KEYS = "py";

    private static final Pattern PINYIN = Pattern.compile("[a-z][a-z ']*");
    private static final float TITLE_WEIGHT = 20f;
    private static final float ABOUT_WEIGHT = 1.5f;
    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final float WHOLE_PART_IN_TITLE = 10f;
    private static final float EXACT_TITLE = 30f;
    private static final float NUMBER = 30f;

    /** One word of a query: what was typed, and what may stand for it (itself first). */
    record Unit(String typed, List<String> alternatives) {}

    /** mode: words, pinyin or number; units: the words to mark in the results. */
    record Plan(String mode, Query query, List<Unit> units, String pinyinKey) {}

    private final Analyzer words;
    private final Synonyms synonyms;

    Matching(Analyzer words, Synonyms synonyms) {
        this.words = words;
        this.synonyms = synonyms;
    }

    /** The query for q, or a plan without a query when q has nothing to look for. */
    Plan plan(String q) {
        String query = Text.normalize(q).strip();
        if (PINYIN.matcher(query).matches()) return pinyin(query.replaceAll("[ ']", ""));
        String number = DocNumbers.key(query);
        if (number != null) return new Plan("number", number(number), List.of(), null);
        return words(query);
    }

    private Plan pinyin(String key) {
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(PINYIN_KEYS, key)), 3f), Occur.SHOULD);
        if (key.length() >= 2) any.add(new PrefixQuery(new Term(PINYIN_KEYS, key)), Occur.SHOULD);
        List<Unit> units = new ArrayList<>();
        String word = synonyms.byPinyin(key);
        if (word != null) {
            Unit unit = new Unit(word, synonyms.alternatives(word));
            Query found = unit(unit);
            if (found != null) {
                any.add(found, Occur.SHOULD);
                units.add(unit);
            }
        }
        return new Plan("pinyin", any.build(), units, key);
    }

    private static Query number(String key) {
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(DOCNO, key)), NUMBER), Occur.SHOULD);
        Query cited = anywhere(DocNumbers.words(key), 1f);
        if (cited != null) any.add(cited, Occur.SHOULD);
        return any.build();
    }

    private Plan words(String query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<Unit> found = new ArrayList<>();
        for (String part : query.split("\\s+")) {
            List<Unit> units = units(part);
            for (Unit u : units) {
                Query q = unit(u);
                if (q == null) continue;
                all.add(q, Occur.MUST);
                found.add(u);
            }
            Query whole = units.size() > 1 ? Grams.phrase(TITLE, part) : null;
            if (whole != null) all.add(new BoostQuery(whole, WHOLE_PART_IN_TITLE), Occur.SHOULD);
        }
        if (found.isEmpty()) return new Plan("words", null, List.of(), null);
        String exact = Text.exact(query);
        if (!exact.isEmpty()) all.add(new BoostQuery(new TermQuery(new Term(EXACT, exact)), EXACT_TITLE), Occur.SHOULD);
        return new Plan("words", all.build(), found, null);
    }

    /** Any of the unit's alternatives, anywhere; the word typed counts more than its synonyms. */
    private static Query unit(Unit unit) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        for (int i = 0; i < unit.alternatives().size(); i++) {
            Query q = anywhere(unit.alternatives().get(i), i == 0 ? 1f : SYNONYM_WEIGHT);
            if (q == null) continue;
            any.add(q, Occur.SHOULD);
            some = true;
        }
        return some ? any.build() : null;
    }

    /** text as a part of the title, the summary and fields, or the body, weighted in that order. */
    private static Query anywhere(String text, float weight) {
        Query title = Grams.phrase(TITLE, text);
        if (title == null) return null;
        return new BooleanQuery.Builder()
                .add(new BoostQuery(title, TITLE_WEIGHT * weight), Occur.SHOULD)
                .add(new BoostQuery(Grams.phrase(ABOUT, text), ABOUT_WEIGHT * weight), Occur.SHOULD)
                .add(new BoostQuery(Grams.phrase(BODY, text), weight), Occur.SHOULD).build();
    }

    /**
     * The words of one part of a query (no spaces in it): synonyms' words where the part has them, longest first;
     * smartcn's words between them. Single characters next to each other (smartcn's way with a word it does not
     * know, 停保 as 停 保) are kept together.
     */
    List<Unit> units(String part) {
        List<Unit> out = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < part.length()) {
            String word = synonyms.longestAt(part, i);
            if (word == null) {
                rest.append(part.charAt(i++));
                continue;
            }
            segment(rest.toString(), out);
            rest.setLength(0);
            out.add(new Unit(word, synonyms.alternatives(word)));
            i += word.length();
        }
        segment(rest.toString(), out);
        return out;
    }

    private void segment(String text, List<Unit> out) {
        if (text.isBlank()) return;
        StringBuilder singles = new StringBuilder();
        int singlesEnd = -1;
        try (TokenStream ts = words.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                boolean single = t.length() == 1 && Pinyin.hasHan(t);
                if (!single || offset.startOffset() != singlesEnd) flush(singles, out);
                if (single) {
                    singles.append(t);
                    singlesEnd = offset.endOffset();
                } else {
                    out.add(new Unit(t, synonyms.alternatives(t)));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(singles, out);
    }

    private void flush(StringBuilder singles, List<Unit> out) {
        if (singles.isEmpty()) return;
        String word = singles.toString();
        out.add(new Unit(word, synonyms.alternatives(word)));
        singles.setLength(0);
    }
}
