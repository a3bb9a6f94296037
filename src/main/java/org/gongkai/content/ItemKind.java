package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** notice 公示公告, guide 办事指南, policy 政策文件, interpretation 政策解读, alert 预警/紧急通知. */
public enum ItemKind {
    NOTICE, GUIDE, POLICY, INTERPRETATION, ALERT;

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
