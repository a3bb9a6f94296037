package org.gongkai.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Item bodies are plain text (paragraphs split by blank lines, "- " and "1. " lists) or a small HTML subset.
 * HTML is sanitized on the way in; both are turned into blocks of plain text that pages render with textContent,
 * so no markup from staff is ever interpreted by a screen.
 */
public final class BodyBlocks {
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h3", "h4", "h5", "blockquote",
                    "table", "thead", "tbody", "tr", "th", "td");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·]\\s+)(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\d{1,3}[.、)）]\\s*)(.*)$");

    /** type: p (text), h (text), ul or ol (items). */
    public record Block(String type, String text, List<String> items) {
        static Block paragraph(String text) {
            return new Block("p", text, null);
        }
    }

    private BodyBlocks() {}

    public static String sanitizeHtml(String html) {
        return Jsoup.clean(html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
    }

    public static List<Block> of(String body, String format) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return "html".equals(format) ? fromHtml(body) : fromText(body);
    }

    static List<Block> fromText(String body) {
        List<Block> blocks = new ArrayList<>();
        for (String chunk : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            List<String> lines = chunk.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) continue;
            List<String> paragraph = new ArrayList<>();
            List<String> list = new ArrayList<>();
            String listType = null;
            for (String line : lines) {
                var bullet = BULLET.matcher(line);
                var numbered = NUMBERED.matcher(line);
                String type = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
                if (type == null) {
                    if (listType != null) {
                        blocks.add(new Block(listType, null, List.copyOf(list)));
                        list.clear();
                        listType = null;
                    }
                    paragraph.add(line.strip());
                    continue;
                }
                if (!paragraph.isEmpty()) {
                    blocks.add(Block.paragraph(String.join("", paragraph)));
                    paragraph.clear();
                }
                if (listType != null && !listType.equals(type)) {
                    blocks.add(new Block(listType, null, List.copyOf(list)));
                    list.clear();
                }
                listType = type;
                list.add((bullet.matches() ? bullet.group(1) : numbered.group(1)).strip());
            }
            if (listType != null) blocks.add(new Block(listType, null, List.copyOf(list)));
            if (!paragraph.isEmpty()) blocks.add(Block.paragraph(String.join("", paragraph)));
        }
        return blocks;
    }

    static List<Block> fromHtml(String html) {
        List<Block> blocks = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder loose = new StringBuilder();
        for (var node : body.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flush(loose, blocks);
                addElement(e, blocks);
            } else {
                loose.append(node instanceof Element e ? e.text() : node.toString().strip());
            }
        }
        flush(loose, blocks);
        return blocks;
    }

    private static boolean isBlock(Element e) {
        return List.of("p", "ul", "ol", "h3", "h4", "h5", "blockquote", "table").contains(e.tagName());
    }

    private static void addElement(Element e, List<Block> blocks) {
        switch (e.tagName()) {
            case "ul", "ol" -> blocks.add(new Block(e.tagName(), null,
                    e.select("> li").stream().map(Element::text).filter(t -> !t.isBlank()).toList()));
            case "h3", "h4", "h5" -> blocks.add(new Block("h", e.text(), null));
            case "table" -> e.select("tr").forEach(tr -> blocks.add(Block.paragraph(String.join("　", tr.select("th, td").eachText()))));
            default -> {
                if (!e.text().isBlank()) blocks.add(Block.paragraph(e.text()));
            }
        }
    }

    private static void flush(StringBuilder loose, List<Block> blocks) {
        if (!loose.toString().isBlank()) {
            blocks.add(Block.paragraph(org.jsoup.parser.Parser.unescapeEntities(loose.toString().strip(), false)));
        }
        loose.setLength(0);
    }
}
