package org.gongkai.content;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fields of an item's content set by name, for {@link ItemInput.Builder} and {@link Item.Builder}: nothing builds
 * either record by position but its builder. Unset fields are null, as when the JSON leaves them out.
 */
public abstract class ContentBuilder<B extends ContentBuilder<B>> {
    ItemKind kind;
    String title;
    String summary;
    String body;
    String bodyFormat;
    String department;
    String category;
    List<String> lifeEvents;
    List<String> enterpriseStages;
    List<String> tags;
    String sourceUrl;
    OffsetDateTime publishStart;
    OffsetDateTime publishEnd;
    Integer priority;
    Integer durationSeconds;
    Schedule schedule;
    List<String> targetGroups;
    ItemStatus status;
    Integer version;
    Details details;

    ContentBuilder() {}

    abstract B self();

    /** Every field of the input. */
    public B content(ItemInput in) {
        kind = in.kind();
        title = in.title();
        summary = in.summary();
        body = in.body();
        bodyFormat = in.bodyFormat();
        department = in.department();
        category = in.category();
        lifeEvents = in.lifeEvents();
        enterpriseStages = in.enterpriseStages();
        tags = in.tags();
        sourceUrl = in.sourceUrl();
        publishStart = in.publishStart();
        publishEnd = in.publishEnd();
        priority = in.priority();
        durationSeconds = in.durationSeconds();
        schedule = in.schedule();
        targetGroups = in.targetGroups();
        status = in.status();
        version = in.version();
        details = in.details();
        return self();
    }

    public B kind(ItemKind v) { kind = v; return self(); }
    public B title(String v) { title = v; return self(); }
    public B summary(String v) { summary = v; return self(); }
    public B body(String v) { body = v; return self(); }
    public B bodyFormat(String v) { bodyFormat = v; return self(); }
    public B department(String v) { department = v; return self(); }
    public B category(String v) { category = v; return self(); }
    public B lifeEvents(List<String> v) { lifeEvents = v; return self(); }
    public B enterpriseStages(List<String> v) { enterpriseStages = v; return self(); }
    public B tags(List<String> v) { tags = v; return self(); }
    public B sourceUrl(String v) { sourceUrl = v; return self(); }
    public B publishStart(OffsetDateTime v) { publishStart = v; return self(); }
    public B publishEnd(OffsetDateTime v) { publishEnd = v; return self(); }
    public B priority(Integer v) { priority = v; return self(); }
    public B durationSeconds(Integer v) { durationSeconds = v; return self(); }
    public B schedule(Schedule v) { schedule = v; return self(); }
    public B targetGroups(List<String> v) { targetGroups = v; return self(); }
    public B status(ItemStatus v) { status = v; return self(); }
    public B version(Integer v) { version = v; return self(); }
    /** The kind's details; null for a notice. */
    public B details(Details v) { details = v; return self(); }
}
