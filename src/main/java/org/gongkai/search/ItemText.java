package org.gongkai.search;

import org.gongkai.content.Details;
import org.gongkai.content.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a citizen may type to find an item besides its title: the summary, tags and every field of a guide
 * (conditions, materials, steps, fees, place, hours...), of a policy (numbers, issuer, subject), an interpretation
 * or an alert. One value per field, so that a phrase never runs from one into the next.
 */
final class ItemText {
    private ItemText() {}

    static List<String> about(Item item) {
        List<String> out = new ArrayList<>();
        add(out, item.summary());
        if (item.tags() != null) item.tags().forEach(t -> add(out, t));
        if (item.guide() != null) guide(out, item.guide());
        Details.Policy p = item.policy();
        if (p != null) {
            add(out, p.documentNumber(), p.indexNumber(), p.issuingBody(), p.subject());
        }
        if (item.interpretation() != null) add(out, item.interpretation().interpreter());
        if (item.alert() != null) add(out, item.alert().area(), item.alert().issuer());
        return out;
    }

    private static void guide(List<String> out, Details.Guide g) {
        add(out, g.implementingBody(), g.applicants(), g.hours());
        each(out, g.conditions());
        each(out, g.legalBasis());
        if (g.materials() != null) {
            g.materials().stream().filter(Objects::nonNull).forEach(m -> add(out, m.name(), m.source(), m.note()));
        }
        if (g.steps() != null) g.steps().stream().filter(Objects::nonNull).forEach(s -> add(out, s.name(), s.description()));
        if (g.fees() != null) g.fees().stream().filter(Objects::nonNull).forEach(f -> add(out, f.item(), f.standard(), f.basis()));
        if (g.place() != null) add(out, g.place().hall(), g.place().floor(), g.place().window(), g.place().address());
        if (g.faq() != null) g.faq().stream().filter(Objects::nonNull).forEach(f -> add(out, f.q(), f.a()));
    }

    private static void each(List<String> out, List<String> values) {
        if (values != null) values.forEach(v -> add(out, v));
    }

    private static void add(List<String> out, String... values) {
        for (String v : values) if (v != null && !v.isBlank()) out.add(v);
    }
}
