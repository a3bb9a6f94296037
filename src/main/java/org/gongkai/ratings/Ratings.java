package org.gongkai.ratings;

import java.util.List;

/** The five levels of 好差评 and the reasons a citizen can tick, with their names. */
public final class Ratings {
    private Ratings() {}

    public record Option(String code, String name, String nameEn) {}

    /** Level 5 is the best. */
    public static final List<Option> LEVELS = List.of(
            new Option("5", "非常满意", "Very satisfied"), new Option("4", "满意", "Satisfied"),
            new Option("3", "基本满意", "Fairly satisfied"), new Option("2", "不满意", "Dissatisfied"),
            new Option("1", "非常不满意", "Very dissatisfied"));

    public static final List<Option> REASONS = List.of(
            new Option("clear", "内容清楚易懂", "Clear and easy to understand"),
            new Option("complete", "信息齐全", "Complete"),
            new Option("easy", "查找方便", "Easy to find"),
            new Option("unclear", "看不懂", "Hard to understand"),
            new Option("outdated", "信息过时", "Out of date"),
            new Option("missing", "没有找到需要的信息", "Could not find what I needed"),
            new Option("hard", "操作不方便", "Hard to use"),
            new Option("other", "其他", "Other"));

    public static boolean isReason(String code) {
        return REASONS.stream().anyMatch(r -> r.code().equals(code));
    }
}
