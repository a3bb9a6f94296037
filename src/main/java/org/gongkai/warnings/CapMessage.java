package org.gongkai.warnings;

import java.time.OffsetDateTime;
import java.util.List;

/** The fields of one CAP 1.2 (or 1.1) alert Gongkai uses; the first info block only. Null where the message has none. */
public record CapMessage(String identifier, String sender, OffsetDateTime sent, String status, String msgType,
                         List<String> references, String event, String severity, OffsetDateTime effective,
                         OffsetDateTime expires, String senderName, String headline, String description,
                         String instruction, List<String> areaDescs, List<String> geocodes) {

    /** The identifiers an Update or Cancel refers to: CAP's "sender,identifier,sent" triples, space separated. */
    public static List<String> referencedIds(String references) {
        if (references == null || references.isBlank()) return List.of();
        List<String> out = new java.util.ArrayList<>();
        for (String triple : references.trim().split("\\s+")) {
            String[] parts = triple.split(",");
            out.add(parts.length >= 2 ? parts[1] : parts[0]);
        }
        return out;
    }
}
