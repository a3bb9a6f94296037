package org.gongkai.content;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored item as the API returns it. Exactly one of guide/policy/interpretation/alert is set, per kind. */
public record Item(long id, ItemKind kind, String title, String summary, String body, String bodyFormat,
                   List<BodyBlocks.Block> blocks, String department, String category, List<String> lifeEvents,
                   List<String> enterpriseStages, List<String> tags, String sourceUrl, OffsetDateTime publishStart,
                   OffsetDateTime publishEnd, int priority, Integer durationSeconds, Schedule schedule,
                   List<String> targetGroups, Details.Guide guide, Details.Policy policy,
                   Details.Interpretation interpretation, Details.Alert alert, ItemStatus status, int version,
                   String shortCode, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                   String updatedBy, OffsetDateTime publishedAt) {

    public boolean targets(String group) {
        return targetGroups.isEmpty() || targetGroups.contains(group);
    }

    /**
     * What anyone may read: published and already started. An ended item stays readable (a disclosure remains on
     * record; pages show that it has ended), but nothing is public before its start.
     */
    public boolean publicAt(java.time.Instant now) {
        return status == ItemStatus.PUBLISHED && (publishStart == null || !publishStart.toInstant().isAfter(now));
    }

    public Long policyId() {
        return interpretation == null ? null : interpretation.policyId();
    }
}
