package org.gongkai.intake;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * XML from outside, parsed without what makes XML dangerous: a document with a DOCTYPE is refused (so no external
 * entity can read a file or call a URL, and no entity bomb can expand), external DTDs and schemas are never loaded,
 * and the JDK's secure-processing limits apply. The encoding is the document's own (its declaration or BOM).
 */
public final class SafeXml {
    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {}

    /** @throws FetchException (INVALID_XML) naming the line and what is wrong */
    public static Document parse(byte[] xml) throws FetchException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(null); // no "[Fatal Error]" lines on stderr; the exception carries it
            builder.setEntityResolver((publicId, systemId) -> {
                throw new IOException("external entity refused: " + systemId);
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            String what = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed (no DTDs or entities are read from outside)" : e.getMessage();
            throw new FetchException(FetchException.Reason.INVALID_XML, "invalid XML at line " + e.getLineNumber() + ": " + what);
        } catch (org.xml.sax.SAXException | IOException e) {
            throw new FetchException(FetchException.Reason.INVALID_XML, "invalid XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature Gongkai needs", e);
        }
    }
}
