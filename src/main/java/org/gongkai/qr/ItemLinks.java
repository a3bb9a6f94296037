package org.gongkai.qr;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongkai.content.Item;
import org.gongkai.web.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside addresses (http and https) an item holds: its source URL, a guide's online address, and any address
 * written in its text. A kiosk never opens them; it shows each one's own short link and QR code, which lead there
 * only while the item is public. Each address has a key derived from the address itself (not from its position),
 * so an edit elsewhere in the item does not send an old short link somewhere else.
 */
public final class ItemLinks {
    /** ASCII URL characters only: Chinese text often follows an address without a space. */
    private static final Pattern URL = Pattern.compile("(?i)https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&()*+,;=%]+");
    private static final String TRAILING = ".,;:!?";
    static final int KEY_LENGTH = 4;
    private static final int LONG_KEY_LENGTH = 8;

    private ItemLinks() {}

    /** The item's outside addresses, each once: the source URL first, then as they appear in the item. */
    public static List<String> of(Item item) {
        List<String> texts = new ArrayList<>();
        texts.add(item.sourceUrl());
        texts.add(item.title());
        texts.add(item.summary());
        texts.add(item.body());
        if (item.details() != null) strings(Json.MAPPER.valueToTree(item.details()), texts);
        return found(texts);
    }

    /** The addresses in these texts, each once, in order. */
    static List<String> found(List<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) continue;
            Matcher m = URL.matcher(text);
            while (m.find()) {
                String url = trimmed(m.group());
                if (url.length() > "https://".length()) out.add(url);
            }
        }
        return new ArrayList<>(out);
    }

    /** Punctuation after an address belongs to the sentence: 见 https://a.example/x. or (https://a.example/x) */
    private static String trimmed(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            boolean unbalanced = (last == ')' && u.indexOf('(') < 0) || (last == ']' && u.indexOf('[') < 0);
            if (TRAILING.indexOf(last) < 0 && !unbalanced) break;
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) out.add(node.asText());
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) strings(it.next(), out);
    }

    /**
     * Key to address for one item's addresses: four characters of a hash of the address; where two addresses of the
     * item share those four, both get eight.
     */
    public static Map<String, String> keyed(List<String> urls) {
        Map<String, Integer> shortKeys = new LinkedHashMap<>();
        for (String url : urls) shortKeys.merge(key(url, KEY_LENGTH), 1, Integer::sum);
        Map<String, String> out = new LinkedHashMap<>();
        for (String url : urls) {
            String key = key(url, KEY_LENGTH);
            out.putIfAbsent(shortKeys.get(key) > 1 ? key(url, LONG_KEY_LENGTH) : key, url);
        }
        return out;
    }

    /** The first `length` characters of the address's SHA-256 in the short-code alphabet (5 bits a character). */
    static String key(String url, int length) {
        byte[] hash = sha256(url);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int bit = i * 5;
            int word = ((hash[bit / 8] & 0xff) << 8) | (hash[bit / 8 + 1] & 0xff);
            sb.append(ShortCodes.ALPHABET.charAt((word >> (11 - bit % 8)) & 31));
        }
        return sb.toString();
    }

    /** A key as typed or scanned (any case, O for 0, I or L for 1); null when it cannot be one. */
    static String normalizeKey(String key) {
        if (key == null || (key.length() != KEY_LENGTH && key.length() != LONG_KEY_LENGTH)) return null;
        String upper = key.toUpperCase(java.util.Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        return upper.chars().allMatch(c -> ShortCodes.ALPHABET.indexOf(c) >= 0) ? upper : null;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
