package org.gongkai.hostile;

import org.gongkai.support.Fixtures;
import org.gongkai.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths that try to climb out of the static files (kiosk-web) or out of the export, QR and short-link routes, sent
 * byte for byte over a plain socket (an HTTP client would tidy them up): each gets 400 or 404 and never the bytes
 * of a file outside kiosk-web (classes, configuration, the system's files).
 */
class PathTraversalTest extends ServerTest {
    static final List<String> CLIMBS = List.of("../", "..%2f", "%2e%2e/", "%2e%2e%2f", ".%2e/", "%2e./", "%252e%252e/",
            "%252e%252e%252f", "..\\", "..%5c", "%2e%2e%5c", "%252e%252e%255c", "..%c0%af", "%c0%ae%c0%ae/", "....//",
            "..;/", "%2e%2e;/", "..%00/", "..%2500/", "/..", "//..//");
    static final List<String> TARGETS = List.of("org/gongkai/App.class", "gongkai.yaml", "config/gongkai.yaml",
            "pom.xml", "etc/passwd", "logback.xml", "META-INF/MANIFEST.MF", "kiosk-web/plaza/index.html");
    /** Text that only files outside kiosk-web hold (not the path itself: error messages may repeat it). */
    static final List<String> LEAKS = List.of("root:x:0", "package org.gongkai", "<project", "Manifest-Version",
            "<configuration", "maxBodyBytes", "jdbcUrl");

    record Answer(int status, String text) {}

    static Answer raw(String path) {
        try (Socket s = new Socket("127.0.0.1", server.app.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    @Test
    void nothingOutsideKioskWebIsServed() {
        String code = Fixtures.create(admin, Fixtures.notice("二维码通知")).get("shortCode").asText();
        List<String> prefixes = List.of("/kiosk/", "/kiosk/common/", "/kiosk/plaza/", "/qr/", "/qr/" + code + "/", "/s/",
                "/S/", "/m/items/", "/plaza/", "/admin/", "/");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String prefix : prefixes) {
            for (String climb : CLIMBS) {
                for (String target : TARGETS) {
                    String path = prefix + climb.repeat(4) + target;
                    if (prefix.startsWith("/qr/")) path = path + ".png";
                    Answer a = raw(path);
                    requests++;
                    if (a.status() != 400 && a.status() != 404) failures.add(path + " → " + a.status());
                    for (String leak : LEAKS) if (a.text().contains(leak)) failures.add(path + " leaked '" + leak + "'");
                    if (a.text().contains("\u00ca\u00fe\u00ba\u00be")) failures.add(path + " leaked a class file");
                }
            }
        }
        // exports and QR names with encoded separators
        for (String path : List.of("/api/reports/freshness?format=csv&date=..%2F..%2Fetc%2Fpasswd",
                "/api/audit?format=..%2F..%2Fetc%2Fpasswd", "/qr/..%2F..%2Fetc%2Fpasswd.svg", "/qr/%2e%2e%2f" + code + ".png",
                "/qr/" + code + ".png%00.svg", "/qr/" + code + ".png/..%2f..%2fetc%2fpasswd", "/kiosk/%00", "/kiosk/..",
                "/kiosk/.", "/kiosk/%2e", "/kiosk/%2e%2e", "/kiosk/plaza/index.html%00.png", "/kiosk/plaza/index.html/..%2f..%2f")) {
            Answer a = raw(path);
            requests++;
            if (a.status() >= 500 || a.status() < 0) failures.add(path + " → " + a.status());
            for (String leak : LEAKS) if (a.text().contains(leak)) failures.add(path + " leaked '" + leak + "'");
        }
        System.out.println("PathTraversalTest: " + requests + " requests");
        assertThat(failures).isEmpty();
        assertThat(raw("/kiosk/plaza/index.html").status()).as("the real files are still served").isEqualTo(200);
        assertThat(raw("/qr/" + code + ".png").status()).isEqualTo(200);
    }
}
