package org.gongkai.content;

import java.time.OffsetDateTime;
import java.util.List;

/** A create or update request for an item, exactly as the API and the demo files spell it. */
public record ItemInput(ItemKind kind, String title, String summary, String body, String bodyFormat, String department,
                        String category, List<String> lifeEvents, List<String> enterpriseStages, List<String> tags,
                        String sourceUrl, OffsetDateTime publishStart, OffsetDateTime publishEnd, Integer priority,
                        Integer durationSeconds, Schedule schedule, List<String> targetGroups, ItemStatus status,
                        Integer version, Details.Guide guide, Details.Policy policy,
                        Details.Interpretation interpretation, Details.Alert alert) {

    public ItemInput withStatus(ItemStatus newStatus) {
        return new ItemInput(kind, title, summary, body, bodyFormat, department, category, lifeEvents,
                enterpriseStages, tags, sourceUrl, publishStart, publishEnd, priority, durationSeconds, schedule,
                targetGroups, newStatus, version, guide, policy, interpretation, alert);
    }
}
