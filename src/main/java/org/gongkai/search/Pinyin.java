package org.gongkai.search;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pinyin keys of a text's words, so that citizens can type "yanglaobaoxian" or its initials "ylbx" for 养老保险.
 * Keys are made for every word and for every run of up to four neighbouring words, mapped to the Chinese they
 * stand for (what the results highlight). Readings are phrase-aware (银行 yin hang, 行政 xing zheng).
 */
final class Pinyin {
    private static final int MAX_RUN = 4;

    private Pinyin() {}

    /** key (full pinyin or initials, no spaces) -> the words it stands for */
    static Map<String, String> keys(List<String> words) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int from = 0; from < words.size(); from++) {
            StringBuilder chinese = new StringBuilder();
            StringBuilder full = new StringBuilder();
            StringBuilder initials = new StringBuilder();
            for (int to = from; to < Math.min(words.size(), from + MAX_RUN); to++) {
                String word = words.get(to);
                if (!hasHan(word)) break;
                chinese.append(word);
                String reading = PinyinHelper.toPinyin(word, PinyinStyleEnum.NORMAL);
                full.append(reading.replace(" ", ""));
                for (String syllable : reading.split(" ")) {
                    if (!syllable.isEmpty()) initials.append(syllable.charAt(0));
                }
                keys.putIfAbsent(full.toString(), chinese.toString());
                if (initials.length() > 1) keys.putIfAbsent(initials.toString(), chinese.toString());
            }
        }
        return keys;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
