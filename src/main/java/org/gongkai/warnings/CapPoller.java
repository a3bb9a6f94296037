package org.gongkai.warnings;

import org.gongkai.intake.FetchException;
import org.gongkai.intake.Fetcher;
import org.gongkai.intake.SafeXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that polls each CAP source when its interval has passed: the URL is one CAP message, or an
 * Atom/RSS index whose entries link to CAP messages (each link fetched once while the server runs). A failure is
 * the source's lastError and never stops the thread.
 */
public final class CapPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CapPoller.class);
    /** Links fetched from one index per poll at most. */
    static final int MAX_LINKS = 50;
    private final CapSources sources;
    private final WarningService warnings;
    private final Fetcher fetcher;
    private final Clock clock;
    private final Map<Long, Set<String>> fetchedLinks = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public CapPoller(CapSources sources, WarningService warnings, Fetcher fetcher, Clock clock) {
        this.sources = sources;
        this.warnings = warnings;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cap-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void tick() {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (CapSources.Source s : sources.list()) {
                boolean due = s.lastPolledAt() == null || !s.lastPolledAt().plusSeconds(s.intervalSeconds()).isAfter(now);
                if (due && sources.claim(s, now)) poll(s);
            }
        } catch (RuntimeException e) {
            LOG.warn("CAP poll round failed: {}", e.toString());
        }
    }

    /** Polls one source now; @return its error in plain words, or null. */
    public String poll(CapSources.Source s) {
        String error = null;
        try {
            error = fetchAndReceive(s);
        } catch (FetchException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "could not poll: " + e;
        }
        if (error != null) LOG.warn("CAP source {} ({}): {}", s.name(), s.url(), error);
        sources.polled(s.id(), OffsetDateTime.now(clock), error);
        return error;
    }

    private String fetchAndReceive(CapSources.Source s) throws FetchException {
        byte[] body = fetcher.get(s.url()).body();
        Element root = SafeXml.parse(body).getDocumentElement();
        WarningService.Policy policy = Warnings.policy(s.policy());
        String source = "poll:" + s.name();
        if (CapParser.isAlert(root)) return receive(body, source, policy, s.department());
        List<String> links = links(root);
        if (links == null) return "not a CAP message or an Atom/RSS index: the root is <" + root.getTagName() + ">";
        Set<String> done = fetchedLinks.computeIfAbsent(s.id(), id -> Collections.newSetFromMap(new ConcurrentHashMap<>()));
        List<String> errors = new ArrayList<>();
        int fetched = 0;
        for (String link : links) {
            String url = java.net.URI.create(s.url()).resolve(link).toString();
            if (done.contains(url) || fetched++ >= MAX_LINKS) continue;
            try {
                String e = receive(fetcher.get(url).body(), source, policy, s.department());
                done.add(url);
                if (e != null) errors.add(url + ": " + e);
            } catch (FetchException e) {
                errors.add(url + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    private String receive(byte[] body, String source, WarningService.Policy policy, String department) {
        try {
            warnings.receive(body, source, policy, department);
            return null;
        } catch (CapParser.BadCap e) {
            return e.getMessage();
        }
    }

    /** An Atom feed's entry links (alternate or enclosure first) or an RSS channel's item links; null if neither. */
    static List<String> links(Element root) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if ("feed".equals(root.getLocalName())) {
            NodeList entries = root.getElementsByTagNameNS("*", "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                NodeList ls = ((Element) entries.item(i)).getElementsByTagNameNS("*", "link");
                for (int j = 0; j < ls.getLength(); j++) {
                    String href = ((Element) ls.item(j)).getAttribute("href").strip();
                    if (!href.isEmpty()) {
                        out.put(href, true);
                        break;
                    }
                }
            }
            return new ArrayList<>(out.keySet());
        }
        if ("rss".equals(root.getLocalName()) || "rss".equals(root.getTagName())) {
            NodeList items = root.getElementsByTagName("item");
            for (int i = 0; i < items.getLength(); i++) {
                NodeList ls = ((Element) items.item(i)).getElementsByTagName("link");
                if (ls.getLength() > 0 && !ls.item(0).getTextContent().isBlank()) out.put(ls.item(0).getTextContent().strip(), true);
            }
            return new ArrayList<>(out.keySet());
        }
        return null;
    }

    @Override
    public void close() {
        java.util.concurrent.ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        org.gongkai.intake.Pollers.stop(t);
    }
}
