package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * notice 公示公告, guide 办事指南, policy 政策文件, interpretation 政策解读, alert 预警/紧急通知; each with the type of
 * its {@link Details} (none for a notice). The order is the order in which an item's detail fields are checked.
 */
public enum ItemKind {
    NOTICE(null), GUIDE(Details.Guide.class), POLICY(Details.Policy.class),
    INTERPRETATION(Details.Interpretation.class), ALERT(Details.Alert.class);

    private final Class<? extends Details> detailsType;

    ItemKind(Class<? extends Details> detailsType) {
        this.detailsType = detailsType;
    }

    /** The record of this kind's details; null for a kind without (a notice). */
    public Class<? extends Details> detailsType() {
        return detailsType;
    }

    static ItemKind ofDetails(Class<?> type) {
        return Arrays.stream(values()).filter(k -> k.detailsType == type).findFirst().orElseThrow();
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ItemKind parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of notice, guide, policy, interpretation, alert"));
    }
}
