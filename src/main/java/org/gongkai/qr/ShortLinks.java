package org.gongkai.qr;

import java.net.URI;
import java.util.Locale;

/** Builds the public short URL of a code, and the text a QR code carries for it. */
public final class ShortLinks {
    private final String baseUrl;

    public ShortLinks(String publicBaseUrl) {
        this.baseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The URL printed under a QR code, in readable lower case. */
    public String url(String code) {
        return baseUrl + "/s/" + code;
    }

    /**
     * The URL a QR code encodes. Scheme and host are case-insensitive and /S/ is routed like /s/, so when the base
     * URL has no path the whole URL is upper-cased: QR's alphanumeric mode then needs a smaller code version.
     */
    public String qrText(String code) {
        URI uri = URI.create(baseUrl);
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty();
        return noPath ? (baseUrl + "/S/" + code).toUpperCase(Locale.ROOT) : url(code);
    }

    /** The short URL of one outside address of an item: the item's code and the address's key. */
    public String linkUrl(String code, String key) {
        return url(code) + "/" + key;
    }

    /** What a QR code of linkUrl carries (upper case where qrText is). */
    public String linkQrText(String code, String key) {
        return qrText(code) + "/" + key;
    }
}
