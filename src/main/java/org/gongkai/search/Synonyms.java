package org.gongkai.search;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups of words that mean the same to a citizen (社保, 社会保险). Groups sharing a word are joined. A query's words
 * are looked up longest first, so that 社保卡 is one word and not 社保 followed by 卡. The pinyin of each word (shebao),
 * and the initials of words of up to three characters (sb, gjj), lead to its group too.
 */
public final class Synonyms {
    private final Map<String, List<String>> groups = new HashMap<>();
    private final Map<String, String> pinyin = new HashMap<>();
    private final int longest;

    private Synonyms(Collection<? extends Collection<String>> input) {
        List<Set<String>> joined = new ArrayList<>();
        for (Collection<String> group : input) {
            Set<String> merged = new LinkedHashSet<>();
            group.forEach(w -> merged.add(Text.normalize(w).strip()));
            joined.removeIf(other -> {
                if (other.stream().noneMatch(merged::contains)) return false;
                merged.addAll(other);
                return true;
            });
            joined.add(merged);
        }
        int max = 0;
        for (Set<String> group : joined) {
            for (String word : group) {
                List<String> alternatives = new ArrayList<>(List.of(word));
                group.stream().filter(w -> !w.equals(word)).forEach(alternatives::add);
                groups.put(word, List.copyOf(alternatives));
                max = Math.max(max, word.length());
                String reading = PinyinHelper.toPinyin(word, PinyinStyleEnum.NORMAL).toLowerCase(Locale.ROOT);
                pinyin.putIfAbsent(reading.replace(" ", ""), word);
                StringBuilder initials = new StringBuilder();
                for (String syllable : reading.split(" ")) if (!syllable.isEmpty()) initials.append(syllable.charAt(0));
                // Initials of short words only: ylbx is as much 养老保险 as 医疗保险, and titles' own keys find both.
                if (initials.length() > 1 && word.length() <= 3) pinyin.putIfAbsent(initials.toString(), word);
            }
        }
        longest = max;
    }

    public static Synonyms of(Collection<? extends Collection<String>> groups) {
        return new Synonyms(groups);
    }

    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** Every word of every group: the office's own vocabulary (低保, 医保, 公积金). */
    public java.util.Set<String> words() {
        return java.util.Set.copyOf(groups.keySet());
    }

    /** The word itself first, then the others of its group; just the word when it has none. */
    public List<String> alternatives(String word) {
        return groups.getOrDefault(word, List.of(word));
    }

    /** The longest word of a group that text has at position from, or null. */
    String longestAt(String text, int from) {
        for (int end = Math.min(text.length(), from + longest); end > from + 1; end--) {
            String candidate = text.substring(from, end);
            if (groups.containsKey(candidate)) return candidate;
        }
        return null;
    }

    /** The word whose pinyin (full or initials, no spaces, lower case) is key, or null. */
    String byPinyin(String key) {
        return pinyin.get(key);
    }
}
