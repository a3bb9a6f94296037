package org.gongkai.warnings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** From a CAP message to an alert's level and hazard (docs/API.md, "Warnings (CAP)"). */
public final class CapMapping {
    private static final Map<String, String> COLOURS = Map.of("蓝色", "blue", "黄色", "yellow", "橙色", "orange", "红色", "red");
    private static final Map<String, String> SEVERITIES = Map.of("minor", "blue", "moderate", "yellow",
            "severe", "orange", "extreme", "red");
    private static final Map<String, String> HAZARDS = hazards();
    /** A message without expires stays up this long from its effective time (or sent). */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private CapMapping() {}

    private static Map<String, String> hazards() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("台风", "typhoon");
        m.put("暴雨", "rainstorm");
        m.put("高温", "heat");
        m.put("寒潮", "cold");
        m.put("大风", "gale");
        m.put("大雾", "fog");
        m.put("洪水", "flood");
        m.put("暴雪", "snow");
        m.put("雷电", "thunder");
        m.put("冰雹", "hail");
        m.put("干旱", "drought");
        m.put("霾", "haze");
        return m;
    }

    /** The colour word in the event or headline, else the severity; null when neither says. */
    public static String level(CapMessage m) {
        for (String text : new String[] {m.event(), m.headline()}) {
            if (text == null) continue;
            for (var c : COLOURS.entrySet()) {
                if (text.contains(c.getKey())) return c.getValue();
            }
        }
        return m.severity() == null ? null : SEVERITIES.get(m.severity().toLowerCase(java.util.Locale.ROOT));
    }

    public static String hazard(CapMessage m) {
        String event = m.event() == null ? "" : m.event();
        for (var h : HAZARDS.entrySet()) {
            if (event.contains(h.getKey())) return h.getValue();
        }
        return "other";
    }

    /** Whether the message concerns this county: one of its geocodes or one of its area names (contained). */
    public static boolean concerns(CapMessage m, List<String> areaNames, List<String> areaCodes) {
        for (String code : m.geocodes()) {
            if (areaCodes.contains(code)) return true;
        }
        for (String desc : m.areaDescs()) {
            for (String name : areaNames) {
                if (desc.contains(name)) return true;
            }
        }
        return false;
    }

    /** Severe and Extreme (orange, red) are issued at once under the default policy. */
    public static boolean severe(CapMessage m, String level) {
        String s = m.severity() == null ? "" : m.severity().toLowerCase(java.util.Locale.ROOT);
        return s.equals("severe") || s.equals("extreme") || "orange".equals(level) || "red".equals(level);
    }
}
