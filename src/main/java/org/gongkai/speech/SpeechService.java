package org.gongkai.speech;

import org.gongkai.content.Item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Speech for 朗读 where the browser has no Mandarin voice: each part of an item's text is spoken once by the local
 * engine on a small pool (two at a time, so a queue of kiosks cannot take the server's cores) and kept in
 * DATA_DIR/speech per item version. Asking for a part also starts the next ones, so they are ready when needed.
 */
public final class SpeechService implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpeechService.class);
    private static final int AHEAD = 3;
    private final SpeechEngine engine;
    private final Path dir;
    private final Map<Path, CompletableFuture<Path>> making = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    public SpeechService(Optional<SpeechEngine> engine, Path dataDir) {
        this.engine = engine.orElse(null);
        this.dir = dataDir.resolve("speech");
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "speech");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean available() {
        return engine != null;
    }

    public String description() {
        return engine == null ? null : engine.description();
    }

    /** The audio of part k of the item's text (made now if it is not kept), and the next parts started. */
    public CompletableFuture<Path> part(Item item, List<String> parts, int k) {
        CompletableFuture<Path> wanted = make(item, parts.get(k), k);
        for (int next = k + 1; next < parts.size() && next <= k + AHEAD; next++) make(item, parts.get(next), next);
        return wanted;
    }

    private CompletableFuture<Path> make(Item item, String text, int k) {
        Path file = dir.resolve(item.id() + "-v" + item.version() + "-" + k + "-" + hash(text) + ".wav");
        if (Files.isRegularFile(file)) return CompletableFuture.completedFuture(file);
        return making.computeIfAbsent(file, f -> CompletableFuture.supplyAsync(() -> write(item, text, f), workers)
                .whenComplete((done, error) -> making.remove(f)));
    }

    private Path write(Item item, String text, Path file) {
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(file)) return file;
            byte[] wav = engine.wav(text);
            Path partial = Files.createTempFile(dir, "part-", ".tmp");
            Files.write(partial, wav);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forgetOtherVersions(item);
            return file;
        } catch (IOException e) {
            LOG.warn("speech for item {} v{}: {}", item.id(), item.version(), e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    /** Audio of the item's earlier versions is never asked for again. */
    private void forgetOtherVersions(Item item) throws IOException {
        String mine = item.id() + "-v" + item.version() + "-";
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(item.id() + "-v") && !name.startsWith(mine);
            }).forEach(f -> f.toFile().delete());
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
