package org.gongkai.content;

import java.time.LocalDate;
import java.util.List;

/**
 * The kind-specific fields of an item, per DOMAIN.md: one record per kind that has any (a notice has none), so an
 * item holds one Details or none. Stored as JSON in items.details; in the API's JSON it is the field named by its
 * kind's code ("guide", "policy", "interpretation", "alert"), see {@link WithDetails}.
 */
public sealed interface Details permits Details.Guide, Details.Policy, Details.Interpretation, Details.Alert {
    /** The kind these details belong to (ItemKind holds the mapping). */
    default ItemKind kind() {
        return ItemKind.ofDetails(getClass());
    }

    /** 办事指南: everything a citizen needs before going to the window. */
    public record Guide(String implementingBody, String applicants, List<String> conditions, List<Material> materials,
                        List<Step> steps, Integer statutoryDays, Integer promisedDays, List<Fee> fees, Integer visits,
                        Place place, String hours, String phone, String complaintsPhone, String onlineUrl,
                        List<String> legalBasis, List<Faq> faq) implements Details {}

    /** form: original | copy | original_and_copy; format: paper | electronic | paper_or_electronic. */
    public record Material(String name, String form, Integer originals, Integer copies, String format, String source,
                           String note) {}

    public record Step(String name, String description) {}

    public record Fee(String item, String standard, String basis, Boolean waivable) {}

    public record Place(String hall, String floor, String window, String address) {}

    public record Faq(String q, String a) {}

    /** 政策文件. */
    public record Policy(String indexNumber, String issuingBody, String documentNumber, LocalDate writtenDate,
                         LocalDate publishedDate, String subject) implements Details {}

    /** 政策解读, linked to its policy. form: text | graphic | media | leader | expert | qa. */
    public record Interpretation(Long policyId, String form, String interpreter) implements Details {}

    /**
     * 预警: level blue < yellow < orange < red. issuer: who issued it (screens say "示范县气象台发布"); issuedAt: when
     * the issuer issued it (a CAP message's sent), null for staff alerts, whose issue time is their publication.
     */
    public record Alert(String level, String hazard, String area, String issuer, java.time.OffsetDateTime issuedAt)
            implements Details {
        public Alert(String level, String hazard, String area, String issuer) {
            this(level, hazard, area, issuer, null);
        }
    }

    List<String> MATERIAL_FORMS = List.of("original", "copy", "original_and_copy");
    List<String> MATERIAL_FORMATS = List.of("paper", "electronic", "paper_or_electronic");
    List<String> INTERPRETATION_FORMS = List.of("text", "graphic", "media", "leader", "expert", "qa");
    List<String> ALERT_LEVELS = List.of("blue", "yellow", "orange", "red");
    List<String> HAZARDS = List.of("typhoon", "rainstorm", "heat", "cold", "gale", "fog", "flood",
            "snow", "thunder", "hail", "drought", "haze", "public_health", "other");
}
