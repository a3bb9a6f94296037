package org.gongkai.warnings;

import org.gongkai.intake.FetchException;
import org.gongkai.intake.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a CAP message through {@link SafeXml} (no DOCTYPE, no external entities). */
public final class CapParser {
    public static final String CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String CAP11 = "urn:oasis:names:tc:emergency:cap:1.1";

    /** A message that cannot be read as CAP, with what is wrong in plain words. */
    public static final class BadCap extends Exception {
        public BadCap(String message) {
            super(message);
        }
    }

    private CapParser() {}

    public static CapMessage parse(byte[] xml) throws BadCap {
        Document doc;
        try {
            doc = SafeXml.parse(xml);
        } catch (FetchException e) {
            throw new BadCap(e.getMessage());
        }
        return read(doc.getDocumentElement());
    }

    /** An element <alert> in the CAP 1.2 or 1.1 namespace. */
    public static boolean isAlert(Element e) {
        return "alert".equals(e.getLocalName()) && (CAP12.equals(e.getNamespaceURI()) || CAP11.equals(e.getNamespaceURI()));
    }

    public static CapMessage read(Element alert) throws BadCap {
        if (!isAlert(alert)) {
            throw new BadCap("not a CAP message: the root is <" + alert.getTagName() + "> in namespace "
                    + alert.getNamespaceURI() + ", expected <alert> in " + CAP12);
        }
        String ns = alert.getNamespaceURI();
        String identifier = required(alert, ns, "identifier");
        String sender = required(alert, ns, "sender");
        OffsetDateTime sent = time(alert, ns, "sent");
        if (sent == null) throw new BadCap("sent is missing");
        String status = required(alert, ns, "status");
        String msgType = required(alert, ns, "msgType");
        List<String> refs = CapMessage.referencedIds(text(alert, ns, "references"));
        Element info = child(alert, ns, "info");
        if (info == null) {
            return new CapMessage(identifier, sender, sent, status, msgType, refs, null, null, null, null, null, null,
                    null, null, List.of(), List.of());
        }
        List<String> areas = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Element area : children(info, ns, "area")) {
            String desc = text(area, ns, "areaDesc");
            if (desc != null) areas.add(desc);
            for (Element geo : children(area, ns, "geocode")) {
                String value = text(geo, ns, "value");
                if (value != null) codes.add(value);
            }
        }
        return new CapMessage(identifier, sender, sent, status, msgType, refs, text(info, ns, "event"),
                text(info, ns, "severity"), time(info, ns, "effective"), time(info, ns, "expires"),
                text(info, ns, "senderName"), text(info, ns, "headline"), text(info, ns, "description"),
                text(info, ns, "instruction"), areas, codes);
    }

    private static String required(Element parent, String ns, String name) throws BadCap {
        String value = text(parent, ns, name);
        if (value == null) throw new BadCap(name + " is missing");
        return value;
    }

    private static OffsetDateTime time(Element parent, String ns, String name) throws BadCap {
        String value = text(parent, ns, name);
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadCap(name + " is not a date and time like 2026-07-20T08:00:00+08:00: " + value);
        }
    }

    private static String text(Element parent, String ns, String name) {
        Element e = child(parent, ns, name);
        if (e == null) return null;
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static Element child(Element parent, String ns, String name) {
        List<Element> all = children(parent, ns, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) out.add(e);
        }
        return out;
    }
}
