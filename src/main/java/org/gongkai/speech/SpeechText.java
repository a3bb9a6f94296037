package org.gongkai.speech;

import org.gongkai.content.BodyBlocks;
import org.gongkai.content.Details;
import org.gongkai.content.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What 朗读 says of an item, in the order the touchscreen shows it, cut into parts of about a sentence or two: the
 * first part can be spoken while the rest is still being made, so a resident hears the title at once.
 */
public final class SpeechText {
    static final int PART_CHARS = 120;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;\\n])");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[，、,：:])");
    // Telephone numbers are said digit by digit (0000-5551234, 400-800-1234, 12345678, 拨打12345,
    // 12345热线); amounts, years and dates ("15000元", "2026年", "2026-11-18") are said as numbers.
    private static final Pattern NUMBER_TO_SPELL = Pattern.compile(
            "\\d{3,4}-\\d{7,8}(?:-\\d{1,5})?|\\d{3}-\\d{3}-\\d{4}|\\d{7,}|(?<=(?:电话|热线|拨打)[：:，,\\s]{0,2})\\d{3,6}|\\d{3,6}(?=(?:服务)?热线)");

    private SpeechText() {}

    public static List<String> parts(Item item) {
        List<String> sentences = new ArrayList<>();
        add(sentences, item.title());
        add(sentences, item.summary());
        if (item.details() instanceof Details.Guide g) guide(sentences, g);
        if (item.details() instanceof Details.Policy p) {
            add(sentences, label("发文机关", p.issuingBody()));
            add(sentences, label("发文字号", p.documentNumber()));
        }
        if (item.details() instanceof Details.Alert a) add(sentences, label("影响区域", a.area()));
        for (BodyBlocks.Block b : BodyBlocks.of(item.body(), item.bodyFormat())) {
            add(sentences, b.text());
            if (b.items() != null) b.items().forEach(i -> add(sentences, i));
        }
        return pack(sentences);
    }

    private static void guide(List<String> out, Details.Guide g) {
        add(out, label("受理条件", g.applicants()));
        if (g.conditions() != null) g.conditions().forEach(c -> add(out, c));
        if (g.materials() != null && !g.materials().isEmpty()) {
            add(out, "申请材料，共" + g.materials().size() + "项");
            for (int i = 0; i < g.materials().size(); i++) add(out, "第" + (i + 1) + "项，" + g.materials().get(i).name());
        }
        if (g.steps() != null) {
            for (Details.Step s : g.steps()) add(out, s.name() + (s.description() == null ? "" : "，" + s.description()));
        }
        if (g.promisedDays() != null) add(out, g.promisedDays() == 0 ? "承诺即办" : "承诺" + g.promisedDays() + "个工作日办结");
        if (g.place() != null) {
            add(out, label("办理地点", join(g.place().hall(), g.place().floor(), g.place().window())));
            add(out, label("地址", g.place().address()));
        }
        add(out, label("办公时间", g.hours()));
        add(out, label("咨询电话", g.phone()));
        if (g.faq() != null) g.faq().forEach(f -> add(out, "问，" + f.q() + "答，" + f.a()));
    }

    private static String label(String name, String value) {
        return value == null || value.isBlank() ? null : name + "，" + value;
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) if (p != null && !p.isBlank()) s.append(s.length() == 0 ? "" : "，").append(p);
        return s.toString();
    }

    private static void add(List<String> out, String text) {
        if (text == null || text.isBlank()) return;
        String t = spellNumbers(text.strip());
        out.add(t.matches(".*[。！？；!?;]$") ? t : t + "。");
    }

    static String spellNumbers(String text) {
        Matcher m = NUMBER_TO_SPELL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replace("-", " ").replaceAll("(\\d)(?=\\d)", "$1 ");
            m.appendReplacement(out, Matcher.quoteReplacement(digits));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Sentences into parts of at most PART_CHARS; a longer sentence is cut at commas, then at the limit. */
    static List<String> pack(List<String> sentences) {
        List<String> pieces = new ArrayList<>();
        for (String s : sentences) {
            for (String sentence : SENTENCE_END.split(s)) {
                if (sentence.length() <= PART_CHARS) { pieces.add(sentence); continue; }
                for (String clause : CLAUSE_END.split(sentence)) {
                    for (int i = 0; i < clause.length(); i += PART_CHARS) {
                        pieces.add(clause.substring(i, Math.min(clause.length(), i + PART_CHARS)));
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String piece : pieces) {
            if (piece.isBlank()) continue;
            // the first part is one sentence alone: it is what the resident waits for
            if (part.length() > 0 && (parts.isEmpty() || part.length() + piece.length() > PART_CHARS)) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(piece.strip());
        }
        if (part.length() > 0) parts.add(part.toString());
        return parts;
    }
}
