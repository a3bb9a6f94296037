package org.gongkai.audit;

import org.gongkai.web.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The head of the audit chain kept outside the database: how many entries the log had and the id and hash of the
 * newest, as this server last appended it, plus every difference found between that and the table (kept until an
 * operator moves the file away). A file in the data dir, replaced atomically on each append: written to a temporary
 * file, forced to disk, then renamed over the old one, so that a crash leaves the old anchor or the new, never half.
 */
final class AuditAnchor {
    /** The log's length and newest entry. */
    record Head(long entries, long headId, String headHash) {}

    /**
     * A difference between the anchor and the table: what was expected, what was found, how many anchored entries
     * are gone (missing), how many unanchored ones appeared (added), in words (problem).
     */
    record Break(OffsetDateTime detectedAt, Head expected, Head found, long missing, long added, boolean truncated,
                 String problem) {}

    /**
     * The file's content. running: the server that wrote it had not stopped cleanly yet (null in files written
     * before this was kept), so a start that finds it set follows a crash or a kill.
     */
    record State(long entries, long headId, String headHash, OffsetDateTime updatedAt, List<Break> breaks, Boolean running) {
        Head head() {
            return new Head(entries, headId, headHash);
        }

        State withRunning(boolean running) {
            return new State(entries, headId, headHash, updatedAt, breaks, running);
        }
    }

    private final Path file;

    AuditAnchor(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    /** The anchor on disk, or empty when there is none yet; an unreadable file is an IOException. */
    Optional<State> load() throws IOException {
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(Json.MAPPER.readValue(Files.readAllBytes(file), State.class));
    }

    void save(State state) throws IOException {
        Files.createDirectories(file.getParent());
        // a name of its own: two servers misconfigured onto one data dir must not move each other's half-written file
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
