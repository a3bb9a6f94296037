package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored item as the API returns it. Its details are the kind's (none for a notice); the JSON has them as the
 * field named by the kind ({@link WithDetails}). Built by {@link #builder()} or {@link #toBuilder()}.
 */
@JsonPropertyOrder({"id", "kind", "title", "summary", "body", "bodyFormat", "blocks", "department", "category",
        "lifeEvents", "enterpriseStages", "tags", "sourceUrl", "publishStart", "publishEnd", "priority",
        "durationSeconds", "schedule", "targetGroups", "guide", "policy", "interpretation", "alert", "status",
        "version", "shortCode", "createdAt", "createdBy", "updatedAt", "updatedBy", "publishedAt"})
public record Item(long id, ItemKind kind, String title, String summary, String body, String bodyFormat,
                   List<BodyBlocks.Block> blocks, String department, String category, List<String> lifeEvents,
                   List<String> enterpriseStages, List<String> tags, String sourceUrl, OffsetDateTime publishStart,
                   OffsetDateTime publishEnd, int priority, Integer durationSeconds, Schedule schedule,
                   List<String> targetGroups, @JsonIgnore Details details, ItemStatus status, int version,
                   String shortCode, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                   String updatedBy, OffsetDateTime publishedAt) implements WithDetails {

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
        return interpretation() == null ? null : interpretation().policyId();
    }

    /** The item's content as an input: what the admin page sends back to save an edit of this version. */
    public ItemInput content() {
        return ItemInput.builder().kind(kind).title(title).summary(summary).body(body).bodyFormat(bodyFormat)
                .department(department).category(category).lifeEvents(lifeEvents).enterpriseStages(enterpriseStages)
                .tags(tags).sourceUrl(sourceUrl).publishStart(publishStart).publishEnd(publishEnd).priority(priority)
                .durationSeconds(durationSeconds).schedule(schedule).targetGroups(targetGroups).status(status)
                .version(version).details(details).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().content(content()).id(id).shortCode(shortCode).createdAt(createdAt).createdBy(createdBy)
                .updatedAt(updatedAt).updatedBy(updatedBy).publishedAt(publishedAt);
    }

    /** Unset lists are empty, unset priority and version 0; the body's blocks are always made from the body. */
    public static final class Builder extends ContentBuilder<Builder> {
        private long id;
        private String shortCode;
        private OffsetDateTime createdAt;
        private String createdBy;
        private OffsetDateTime updatedAt;
        private String updatedBy;
        private OffsetDateTime publishedAt;

        Builder self() {
            return this;
        }

        public Builder id(long v) { id = v; return this; }
        public Builder shortCode(String v) { shortCode = v; return this; }
        public Builder createdAt(OffsetDateTime v) { createdAt = v; return this; }
        public Builder createdBy(String v) { createdBy = v; return this; }
        public Builder updatedAt(OffsetDateTime v) { updatedAt = v; return this; }
        public Builder updatedBy(String v) { updatedBy = v; return this; }
        public Builder publishedAt(OffsetDateTime v) { publishedAt = v; return this; }

        public Item build() {
            return new Item(id, kind, title, summary, body, bodyFormat, BodyBlocks.of(body, bodyFormat), department,
                    category, orEmpty(lifeEvents), orEmpty(enterpriseStages), orEmpty(tags), sourceUrl, publishStart,
                    publishEnd, priority == null ? 0 : priority, durationSeconds, schedule, orEmpty(targetGroups),
                    details, status, version == null ? 0 : version, shortCode, createdAt, createdBy, updatedAt,
                    updatedBy, publishedAt);
        }

        private static List<String> orEmpty(List<String> list) {
            return list == null ? List.of() : list;
        }
    }
}
