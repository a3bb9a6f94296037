package org.gongkai.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A create or update request for an item, exactly as the API and the demo files spell it: the kind's details are
 * the field named by the kind (guide, policy, interpretation, alert), read through {@link JsonForm}.
 */
@JsonPropertyOrder({"kind", "title", "summary", "body", "bodyFormat", "department", "category", "lifeEvents",
        "enterpriseStages", "tags", "sourceUrl", "publishStart", "publishEnd", "priority", "durationSeconds", "schedule",
        "targetGroups", "status", "version", "guide", "policy", "interpretation", "alert"})
public record ItemInput(ItemKind kind, String title, String summary, String body, String bodyFormat, String department,
                        String category, List<String> lifeEvents, List<String> enterpriseStages, List<String> tags,
                        String sourceUrl, OffsetDateTime publishStart, OffsetDateTime publishEnd, Integer priority,
                        Integer durationSeconds, Schedule schedule, List<String> targetGroups, ItemStatus status,
                        Integer version, @JsonIgnore Details details) implements WithDetails {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return builder().content(this);
    }

    public ItemInput withStatus(ItemStatus newStatus) {
        return toBuilder().status(newStatus).build();
    }

    public static final class Builder extends ContentBuilder<Builder> {
        Builder self() {
            return this;
        }

        public ItemInput build() {
            return new ItemInput(kind, title, summary, body, bodyFormat, department, category, lifeEvents,
                    enterpriseStages, tags, sourceUrl, publishStart, publishEnd, priority, durationSeconds, schedule,
                    targetGroups, status, version, details);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ItemInput fromJson(JsonForm form) {
        return form.toInput();
    }

    /** The request as JSON has it, with a field per kind's details; strict like every request (no "details" field). */
    record JsonForm(ItemKind kind, String title, String summary, String body, String bodyFormat, String department,
                    String category, List<String> lifeEvents, List<String> enterpriseStages, List<String> tags,
                    String sourceUrl, OffsetDateTime publishStart, OffsetDateTime publishEnd, Integer priority,
                    Integer durationSeconds, Schedule schedule, List<String> targetGroups, ItemStatus status,
                    Integer version, Details.Guide guide, Details.Policy policy,
                    Details.Interpretation interpretation, Details.Alert alert) {

        ItemInput toInput() {
            return builder().kind(kind).title(title).summary(summary).body(body).bodyFormat(bodyFormat)
                    .department(department).category(category).lifeEvents(lifeEvents)
                    .enterpriseStages(enterpriseStages).tags(tags).sourceUrl(sourceUrl).publishStart(publishStart)
                    .publishEnd(publishEnd).priority(priority).durationSeconds(durationSeconds).schedule(schedule)
                    .targetGroups(targetGroups).status(status).version(version).details(decisive()).build();
        }

        /**
         * The one detail field the validator judges. Checked in kind order, the first wrong field decides: the
         * kind's own when it is missing ("guide is required for kind guide"), or one of another kind ("policy is only
         * for kind policy"); with none wrong, the kind's own.
         */
        private Details decisive() {
            Map<ItemKind, Details> sent = new EnumMap<>(ItemKind.class);
            for (Details d : new Details[] {guide, policy, interpretation, alert}) {
                if (d != null) sent.put(d.kind(), d);
            }
            for (ItemKind k : ItemKind.values()) {
                if (k == kind && k.detailsType() != null && !sent.containsKey(k)) return null;
                if (k != kind && sent.containsKey(k)) return sent.get(k);
            }
            return sent.get(kind);
        }
    }
}
