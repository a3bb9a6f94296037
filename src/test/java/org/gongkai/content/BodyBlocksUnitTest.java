package org.gongkai.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How item bodies become the blocks screens render as text: HTML sanitizing on the way in, plain-text paragraphs and
 * lists, and HTML turned into the same blocks.
 */
class BodyBlocksUnitTest {
    static BodyBlocks.Block p(String text) {
        return new BodyBlocks.Block("p", text, null);
    }

    static BodyBlocks.Block list(String type, String... items) {
        return new BodyBlocks.Block(type, null, List.of(items));
    }

    @Test
    void sanitizingKeepsTheAllowedSubsetAndDropsScriptsAttributesAndEverythingElse() {
        assertThat(BodyBlocks.sanitizeHtml("<h3 id=x>标题</h3><p style=\"color:red\" onclick=\"x()\">一<strong>二</strong><em>三</em></p>"))
                .isEqualTo("<h3>标题</h3><p>一<strong>二</strong><em>三</em></p>");
        assertThat(BodyBlocks.sanitizeHtml("<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:x\">链接</a>"
                + "<iframe src=\"https://evil\"></iframe><style>p{}</style>"))
                .isEqualTo("链接");
        assertThat(BodyBlocks.sanitizeHtml("<table><tbody><tr><th>项目</th><td>标准</td></tr></tbody></table><ul><li>一</li></ul>"))
                .as("tables and lists stay, on one line as written")
                .isEqualTo("<table><tbody><tr><th>项目</th><td>标准</td></tr></tbody></table><ul><li>一</li></ul>");
    }

    @Test
    void noBodyIsNoBlocks() {
        assertThat(BodyBlocks.of(null, "text")).isEmpty();
        assertThat(BodyBlocks.of(" \n\n ", "text")).isEmpty();
        assertThat(BodyBlocks.of("", "html")).isEmpty();
    }

    @Test
    void theFormatChoosesTheReader() {
        assertThat(BodyBlocks.of("<p>一</p>", "html")).containsExactly(p("一"));
        assertThat(BodyBlocks.of("<p>一</p>", "text")).as("text is never read as markup").containsExactly(p("<p>一</p>"));
        assertThat(BodyBlocks.of("<p>一</p>", null)).containsExactly(p("<p>一</p>"));
    }

    @Test
    void blankLinesSeparateParagraphsAndLinesOfOneParagraphJoin() {
        assertThat(BodyBlocks.fromText("  第一段第一行\n第一段第二行  \r\n \t \r\n第二段\n\n\n\n第三段"))
                .containsExactly(p("第一段第一行第一段第二行"), p("第二段"), p("第三段"));
    }

    @Test
    void bulletsAndNumbersMakeLists() {
        assertThat(BodyBlocks.fromText("- 身份证\n* 户口本\n• 照片\n· 申请表"))
                .containsExactly(list("ul", "身份证", "户口本", "照片", "申请表"));
        assertThat(BodyBlocks.fromText("1. 申请\n2、受理\n3) 审核\n  4）  办结"))
                .containsExactly(list("ol", "申请", "受理", "审核", "办结"));
        assertThat(BodyBlocks.fromText("-不是列表\n1234. 也不是")).as("a bullet needs a space; numbers have at most 3 digits")
                .containsExactly(p("-不是列表1234. 也不是"));
    }

    @Test
    void paragraphsAndListsFollowEachOtherInOrder() {
        assertThat(BodyBlocks.fromText("所需材料：\n- 身份证\n- 户口本\n办理流程：\n1. 申请\n2. 受理"))
                .containsExactly(p("所需材料："), list("ul", "身份证", "户口本"), p("办理流程："), list("ol", "申请", "受理"));
        assertThat(BodyBlocks.fromText("- 一\n- 二\n说明\n- 三"))
                .containsExactly(list("ul", "一", "二"), p("说明"), list("ul", "三"));
        assertThat(BodyBlocks.fromText("- 一\n说明")).containsExactly(list("ul", "一"), p("说明"));
        assertThat(BodyBlocks.fromText("- 一\n1. 二\n- 三"))
                .as("a change of list type starts a new list")
                .containsExactly(list("ul", "一"), list("ol", "二"), list("ul", "三"));
        assertThat(BodyBlocks.fromText("- 一\r\r- 二")).as("a line of nothing between old Mac line ends is no empty paragraph")
                .containsExactly(list("ul", "一", "二"));
        assertThat(BodyBlocks.fromText("前言\n- 一\n\n- 二\n后记"))
                .containsExactly(p("前言"), list("ul", "一"), list("ul", "二"), p("后记"));
    }

    @Test
    void htmlBlocksBecomeTheSameBlocks() {
        assertThat(BodyBlocks.fromHtml("<h3>办理须知</h3><p>第一段</p><ul><li>身份证</li><li> </li><li>户口本</li></ul>"
                + "<ol><li>申请</li></ol><h4>四</h4><h5>五</h5><blockquote>引文</blockquote><p> </p>"))
                .containsExactly(new BodyBlocks.Block("h", "办理须知", null), p("第一段"), list("ul", "身份证", "户口本"),
                        list("ol", "申请"), new BodyBlocks.Block("h", "四", null), new BodyBlocks.Block("h", "五", null),
                        p("引文"));
    }

    @Test
    void nestedListItemsBelongToTheirOwnList() {
        assertThat(BodyBlocks.fromHtml("<ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul>"))
                .containsExactly(list("ul", "甲 甲一", "乙"));
    }

    @Test
    void tableRowsBecomeParagraphsWithTheirCellsSpaced() {
        assertThat(BodyBlocks.fromHtml("<table><tr><th>项目</th><th>标准</th></tr><tr><td>工本费</td><td>免费</td></tr></table>"))
                .containsExactly(p("项目　标准"), p("工本费　免费"));
    }

    @Test
    void looseTextAndInlineElementsBetweenBlocksFormParagraphs() {
        assertThat(BodyBlocks.fromHtml("开头 <b>加粗</b>&amp;<br>结尾<p>段落</p>  又一段 &lt;b&gt;  <p>末段</p>"))
                .containsExactly(p("开头加粗&结尾"), p("段落"), p("又一段 <b>"), p("末段"));
        assertThat(BodyBlocks.fromHtml("<p>段落</p>尾声<b>加粗</b>")).containsExactly(p("段落"), p("尾声加粗"));
        assertThat(BodyBlocks.fromHtml("<p>段落</p>\n  \n<p>二</p>")).as("whitespace between blocks is no paragraph")
                .containsExactly(p("段落"), p("二"));
    }
}
