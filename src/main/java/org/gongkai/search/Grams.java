package org.gongkai.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese text as single characters and overlapping pairs of characters (社会保险: 社 社会 会 会保 保 保险 险), numbers
 * and Latin words whole. Any part of a text, however a word segmenter would cut it, is then a phrase of pairs:
 * 会保险 is 会保 保险 at neighbouring positions. A pair sits at the position of its first character.
 */
final class Grams {
    /** Keeps phrases from running from one field value into the next (a material's name into the next one's). */
    private static final int VALUE_GAP = 100;

    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new LowerCaseFilter(new CJKWidthFilter(source));
            return new TokenStreamComponents(source, new CJKBigramFilter(ts, CJKBigramFilter.HAN, true));
        }

        @Override
        public int getPositionIncrementGap(String field) {
            return VALUE_GAP;
        }
    };

    private Grams() {}

    private record Token(String term, int position, int length) {}

    /**
     * The query that finds text as a contiguous part of field, or null when text has nothing to look for. A
     * character that is part of a pair is left to the pair, so the phrase asks for as few terms as it can.
     */
    static Query phrase(String field, String text) {
        List<Token> tokens = tokens(text);
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int count = 0;
        String single = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.length() == 1 && coveredByPair(tokens, i)) continue;
            phrase.add(new Term(field, t.term()), t.position());
            single = t.term();
            count++;
        }
        if (count == 0) return null;
        return count == 1 ? new TermQuery(new Term(field, single)) : phrase.build();
    }

    private static boolean coveredByPair(List<Token> tokens, int i) {
        int position = tokens.get(i).position();
        for (int j = Math.max(0, i - 2); j < Math.min(tokens.size(), i + 2); j++) {
            Token t = tokens.get(j);
            if (t.length() == 2 && (t.position() == position || t.position() == position - 1)) return true;
        }
        return false;
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Token(term.toString(), position, length.getPositionLength()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
