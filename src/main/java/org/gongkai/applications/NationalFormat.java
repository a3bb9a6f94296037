package org.gongkai.applications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of table 3 of the annual report's national format (国办公开办函〔2021〕30号): the kinds of applicant
 * (its columns) and every result with its sub-reasons (its rows under 三、本年度办理结果), in the table's order.
 */
public final class NationalFormat {
    public record Term(String code, String name) {}

    public static final String NATURAL_PERSON = "natural_person";

    /** The columns: 自然人, then the five kinds of 法人或其他组织. */
    public static final List<Term> APPLICANT_TYPES = List.of(new Term(NATURAL_PERSON, "自然人"),
            new Term("commercial", "商业企业"), new Term("research", "科研机构"), new Term("public_interest", "社会公益组织"),
            new Term("legal_service", "法律服务机构"), new Term("other_org", "其他"));

    /** Result groups (一)–(六) -> their results, each with the row's name. */
    public static final Map<String, List<Term>> RESULT_GROUPS = new LinkedHashMap<>();

    static {
        RESULT_GROUPS.put("（一）予以公开", List.of(new Term("disclosed", "予以公开")));
        RESULT_GROUPS.put("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", List.of(new Term("partly", "部分公开")));
        RESULT_GROUPS.put("（三）不予公开", List.of(new Term("withheld_1", "1.属于国家秘密"),
                new Term("withheld_2", "2.其他法律行政法规禁止公开"), new Term("withheld_3", "3.危及“三安全一稳定”"),
                new Term("withheld_4", "4.保护第三方合法权益"), new Term("withheld_5", "5.属于三类内部事务信息"),
                new Term("withheld_6", "6.属于四类过程性信息"), new Term("withheld_7", "7.属于行政执法案卷"),
                new Term("withheld_8", "8.属于行政查询事项")));
        RESULT_GROUPS.put("（四）无法提供", List.of(new Term("unavailable_1", "1.本机关不掌握相关政府信息"),
                new Term("unavailable_2", "2.没有现成信息需要另行制作"), new Term("unavailable_3", "3.补正后申请内容仍不明确")));
        RESULT_GROUPS.put("（五）不予处理", List.of(new Term("not_processed_1", "1.信访举报投诉类申请"),
                new Term("not_processed_2", "2.重复申请"), new Term("not_processed_3", "3.要求提供公开出版物"),
                new Term("not_processed_4", "4.无正当理由大量反复申请"),
                new Term("not_processed_5", "5.要求行政机关确认或重新出具已获取信息")));
        RESULT_GROUPS.put("（六）其他处理", List.of(
                new Term("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其申请"),
                new Term("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其申请"),
                new Term("other_3", "3.其他")));
    }

    /** result code -> its name, in the table's order */
    public static final Map<String, String> RESULTS = new LinkedHashMap<>();

    static {
        RESULT_GROUPS.forEach((group, terms) -> terms.forEach(t -> RESULTS.put(t.code(), t.name())));
    }

    private NationalFormat() {}

    public static boolean isApplicantType(String code) {
        return APPLICANT_TYPES.stream().anyMatch(t -> t.code().equals(code));
    }

    /** A result as a citizen reads it: its group and reason without the table's numbering, e.g. 不予处理：重复申请. */
    public static String plainName(String result) {
        return groupOf(result).replaceAll("（.）", "") + "：" + RESULTS.get(result).replaceAll("^\\d\\.", "");
    }

    /** The group a result belongs to, e.g. （三）不予公开 for withheld_4. */
    public static String groupOf(String result) {
        for (Map.Entry<String, List<Term>> g : RESULT_GROUPS.entrySet()) {
            if (g.getValue().stream().anyMatch(t -> t.code().equals(result))) return g.getKey();
        }
        return null;
    }
}
