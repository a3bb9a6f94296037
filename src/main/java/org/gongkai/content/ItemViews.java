package org.gongkai.content;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongkai.accounts.Staff;
import org.gongkai.departments.Department;
import org.gongkai.departments.DepartmentStore;
import org.gongkai.qr.ShortLinks;
import org.gongkai.web.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Items as the API and the screens see them: the stored fields plus the short link, QR and mobile addresses,
 * the department's name, and the related policy or interpretations.
 */
public final class ItemViews {
    private final ItemStore store;
    private final DepartmentStore departments;
    private final ShortLinks links;
    private final ReviewStore reviews;

    public ItemViews(ItemStore store, DepartmentStore departments, ShortLinks links, ReviewStore reviews) {
        this.store = store;
        this.departments = departments;
        this.links = links;
        this.reviews = reviews;
    }

    /** For a member of staff: the item with its review state and the change waiting for review, if they may see it. */
    public ObjectNode forStaff(Item item, Staff reader) {
        return forStaff(List.of(item), reader).get(0);
    }

    public List<ObjectNode> forStaff(List<Item> items, Staff reader) {
        List<Long> ids = items.stream().map(Item::id).toList();
        Map<Long, ReviewStore.Review> review = reviews.reviews(ids);
        Map<Long, ReviewStore.Revision> pending = reviews.revisions(ids);
        List<ObjectNode> nodes = of(items, true);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ObjectNode r = nodes.get(i).putObject("review");
            ReviewStore.Review done = review.get(item.id());
            if (done != null) {
                r.put("returnReason", item.status() == ItemStatus.RETURNED ? done.returnReason() : null);
                r.put("approvedBy", done.approvedBy());
                r.put("approvedAt", done.approvedAt() == null ? null : done.approvedAt().toString());
            }
            ReviewStore.Revision revision = pending.get(item.id());
            if (revision != null && ItemAccess.mayReadDrafts(reader, item.department())) {
                r.set("pending", Json.MAPPER.valueToTree(revision));
            }
        }
        return nodes;
    }

    /** forStaff: include unpublished related items and who created and changed the item. */
    public ObjectNode of(Item item, boolean forStaff) {
        return of(List.of(item), forStaff).get(0);
    }

    public List<ObjectNode> of(List<Item> items, boolean forStaff) {
        Map<String, Department> depts = departments.list().stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        List<ItemStore.Related> related = store.related(items.stream().map(Item::id).toList()).stream()
                .filter(r -> forStaff || "published".equals(r.status())).toList();
        return items.stream().map(item -> view(item, depts.get(item.department()), related, forStaff)).toList();
    }

    private ObjectNode view(Item item, Department dept, List<ItemStore.Related> related, boolean forStaff) {
        ObjectNode node = Json.MAPPER.valueToTree(item);
        if (!forStaff) node.remove(List.of("createdBy", "updatedBy"));
        node.put("departmentName", dept == null ? null : dept.name());
        node.put("departmentNameEn", dept == null ? null : dept.nameEn());
        if (item.shortCode() != null) {
            node.put("shortUrl", links.url(item.shortCode()));
            ObjectNode l = node.putObject("links");
            l.put("qrPng", "/qr/" + item.shortCode() + ".png");
            l.put("qrSvg", "/qr/" + item.shortCode() + ".svg");
            l.put("mobile", "/m/items/" + item.id());
        }
        ArrayNode rel = node.putArray("related");
        for (ItemStore.Related r : related) {
            boolean interpretationOfThis = r.policyId() != null && r.policyId() == item.id();
            boolean policyOfThis = item.policyId() != null && item.policyId() == r.id();
            if (interpretationOfThis || policyOfThis) {
                ObjectNode n = rel.addObject();
                n.put("id", r.id());
                n.put("kind", r.kind());
                n.put("title", r.title());
                n.put("form", r.form());
            }
        }
        return node;
    }
}
