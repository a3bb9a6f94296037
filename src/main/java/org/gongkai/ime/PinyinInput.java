package org.gongkai.ime;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Pinyin input for the touchscreen's keyboard: letters typed without tones or separators ("zhengfu") give the
 * words and characters they can stand for, the most used first. Words and how often each is used come from the
 * word dictionary of Lucene's Chinese analyser (lucene-analysis-smartcn's coredict, about 85,000 words counted in a
 * corpus); readings from the pinyin library (phrase-aware: 银行 yinhang). Characters outside that dictionary (rare
 * ones, often in names such as 喆 or 堃) are offered too, after the counted ones.
 */
public final class PinyinInput {
    /** A candidate and how many of the typed letters it stands for (the rest stay to be typed on). */
    public record Candidate(String text, int letters) {}

    public static final Pattern LETTERS = Pattern.compile("[a-z]{1,40}");
    private static final String COREDICT = "org/apache/lucene/analysis/cn/smart/hhmm/coredict.mem";
    private static final int GB2312_CELLS = 87 * 94;
    private static final int MAX_WORD = 6;
    private static final char LAST_LETTER = 'z' + 1;
    private static final int LONGEST_SYLLABLE = 6; // zhuang
    private static final int OWN_WORD_RANK = 100; // an office's own word counts as the 100th most used word

    private record Entry(String text, long uses) {}

    private static final Comparator<Entry> MOST_USED = Comparator.comparingLong(Entry::uses).reversed().thenComparing(Entry::text);

    /** toneless reading without spaces (ü as v) -> what it may stand for, most used first */
    private final NavigableMap<String, Entry[]> byReading;

    private PinyinInput(NavigableMap<String, Entry[]> byReading) {
        this.byReading = byReading;
    }

    public int readings() {
        return byReading.size();
    }

    /**
     * Up to limit candidates for letters: words read exactly so first, then words the letters begin (the last
     * syllable not yet finished), then words for the letters' beginning, longest first, where the rest still
     * begins with a reading.
     */
    public List<Candidate> candidates(String letters, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        add(out, seen, byReading.get(letters), letters.length(), limit);
        add(out, seen, mostUsedCompletions(letters, limit), letters.length(), limit);
        for (int length = letters.length() - 1; length > 0 && out.size() < limit; length--) {
            if (!startsWithReading(letters.substring(length))) continue;
            add(out, seen, byReading.get(letters.substring(0, length)), length, limit);
        }
        return out;
    }

    /** The limit most used words whose reading is longer than letters and begins with them. */
    private Entry[] mostUsedCompletions(String letters, int limit) {
        PriorityQueue<Entry> best = new PriorityQueue<>(MOST_USED.reversed());
        for (Entry[] entries : byReading.subMap(letters, false, letters + LAST_LETTER, false).values()) {
            for (Entry e : entries) { // each list is sorted: once one does not make it, none after it will
                if (best.size() == limit && MOST_USED.compare(e, best.peek()) >= 0) break;
                best.add(e);
                if (best.size() > limit) best.poll();
            }
        }
        Entry[] sorted = best.toArray(Entry[]::new);
        Arrays.sort(sorted, MOST_USED);
        return sorted;
    }

    /** Whether rest begins with a whole reading, or is the beginning of one (a syllable being typed). */
    private boolean startsWithReading(String rest) {
        for (int end = 1; end <= Math.min(rest.length(), LONGEST_SYLLABLE); end++) {
            if (byReading.containsKey(rest.substring(0, end))) return true;
        }
        String next = byReading.ceilingKey(rest);
        return next != null && next.startsWith(rest);
    }

    private static void add(List<Candidate> out, Set<String> seen, Entry[] entries, int letters, int limit) {
        if (entries == null) return;
        for (Entry e : entries) {
            if (out.size() >= limit) return;
            if (seen.add(e.text())) out.add(new Candidate(e.text(), letters));
        }
    }

    /**
     * Reads both dictionaries: a second or two, so it is done once, on first use. A character is counted under a
     * reading as often as the counted words read it so (行 under hang from 银行, under xing from 行政), plus its own
     * count under its first reading; a reading no counted word uses (省 xian) comes after the counted ones.
     * ownWords (an office's vocabulary, such as 低保, which the corpus predates) count as much as the most used words.
     */
    public static PinyinInput load(java.util.Collection<String> ownWords) {
        Map<String, Long> words = countedWords();
        long most = words.values().stream().filter(n -> n > 0).sorted(Comparator.reverseOrder()).skip(OWN_WORD_RANK).findFirst().orElse(1L);
        for (String w : ownWords) if (w.length() > 1 && w.length() <= MAX_WORD && allHan(w)) words.merge(w, most, Math::max);
        Map<String, Long> charReadings = new HashMap<>(); // "行 hang" -> uses
        Map<String, List<Entry>> lists = new HashMap<>();
        words.forEach((word, n) -> {
            if (word.length() == 1) return;
            String reading = PinyinHelper.toPinyin(word, PinyinStyleEnum.NORMAL);
            String[] syllables = reading.split(" ");
            if (syllables.length == word.length()) {
                for (int i = 0; i < syllables.length; i++) charReadings.merge(word.charAt(i) + " " + plainLetters(syllables[i]), n, Long::sum);
            }
            addEntry(lists, plainLetters(reading), word, n);
        });
        for (char c = '\u4e00'; c <= '\u9fff'; c++) {
            List<String> readings = PinyinHelper.toPinyinList(c, PinyinStyleEnum.NORMAL).stream().map(PinyinInput::plainLetters).distinct().toList();
            long own = words.getOrDefault(String.valueOf(c), 0L);
            for (int i = 0; i < readings.size(); i++) {
                addEntry(lists, readings.get(i), String.valueOf(c), charReadings.getOrDefault(c + " " + readings.get(i), 0L) + (i == 0 ? own : 0));
            }
        }
        NavigableMap<String, Entry[]> byReading = new TreeMap<>();
        lists.forEach((reading, list) -> {
            list.sort(MOST_USED);
            byReading.put(reading, list.toArray(Entry[]::new));
        });
        return new PinyinInput(byReading);
    }

    private static void addEntry(Map<String, List<Entry>> lists, String reading, String text, long uses) {
        if (LETTERS.matcher(reading).matches()) lists.computeIfAbsent(reading, k -> new ArrayList<>()).add(new Entry(text, uses));
    }

    /** "nü er" -> "nver": no tones, no spaces, ü typed as v as on every pinyin keyboard. */
    static String plainLetters(String reading) {
        String decomposed = Normalizer.normalize(reading.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replace("u\u0308", "v").replaceAll("\\p{M}", "").replace(" ", "");
    }

    /** The corpus dictionary: every word of Han characters up to MAX_WORD long, with how often it was counted. */
    private static Map<String, Long> countedWords() {
        Charset gb2312 = Charset.forName("GB2312");
        Map<String, Long> uses = new HashMap<>();
        try (InputStream raw = PinyinInput.class.getClassLoader().getResourceAsStream(COREDICT)) {
            if (raw == null) throw new IllegalStateException(COREDICT + " is missing from the class path (lucene-analysis-smartcn)");
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw));
            in.setObjectInputFilter(PinyinInput::onlyPrimitiveArrays);
            in.readObject(); // the word index table and
            in.readObject(); // the character index table: not needed here
            char[][][] rests = (char[][][]) in.readObject();
            int[][] counts = (int[][]) in.readObject();
            for (int cell = 0; cell < Math.min(GB2312_CELLS, rests.length); cell++) {
                if (rests[cell] == null) continue;
                String first = new String(new byte[]{(byte) (cell / 94 + 161), (byte) (cell % 94 + 161)}, gb2312);
                for (int i = 0; i < rests[cell].length; i++) {
                    String word = first + (rests[cell][i] == null ? "" : new String(rests[cell][i]));
                    if (word.length() <= MAX_WORD && allHan(word)) uses.merge(word, (long) counts[cell][i], Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unexpected content in " + COREDICT, e);
        }
        return uses;
    }

    /** The dictionary is four arrays of primitives; anything else in it is refused, never built. */
    private static ObjectInputFilter.Status onlyPrimitiveArrays(ObjectInputFilter.FilterInfo info) {
        Class<?> type = info.serialClass();
        if (type == null) return ObjectInputFilter.Status.UNDECIDED;
        while (type.isArray()) type = type.getComponentType();
        return type.isPrimitive() ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static boolean allHan(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
