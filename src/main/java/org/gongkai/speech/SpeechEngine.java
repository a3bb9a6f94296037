package org.gongkai.speech;

import org.gongkai.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A local speech engine (espeak-ng) that turns Chinese text into WAV audio, for kiosks whose browser has no Mandarin
 * voice. The text goes in on standard input, never on the command line, and every run is bounded in time.
 */
public final class SpeechEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpeechEngine.class);
    private static final long RUN_SECONDS = 30;
    private final Config.Speech settings;
    private final String version;

    private SpeechEngine(Config.Speech settings, String version) {
        this.settings = settings;
        this.version = version;
    }

    /** The configured engine if it is installed and has the configured voice; otherwise empty, with a log line why. */
    public static Optional<SpeechEngine> find(Config.Speech settings) {
        if (settings.command() == null || settings.command().isBlank()) {
            LOG.info("speech: off (speech.command is empty)");
            return Optional.empty();
        }
        try {
            String version = run(settings.command(), "--version").strip().split("\\s+Data at:")[0];
            String voices = run(settings.command(), "--voices");
            if (!voices.toLowerCase().contains(" " + settings.voice().toLowerCase() + " ")) {
                LOG.info("speech: off ({} has no voice '{}'; install espeak-ng-data or set speech.voice)",
                        settings.command(), settings.voice());
                return Optional.empty();
            }
            LOG.info("speech: {} with voice {}", version, settings.voice());
            return Optional.of(new SpeechEngine(settings, version));
        } catch (IOException e) {
            LOG.info("speech: off ({} is not installed: {}; on Debian: apt-get install espeak-ng)",
                    settings.command(), e.getMessage());
            return Optional.empty();
        }
    }

    public String description() {
        return version + ", voice " + settings.voice();
    }

    /** The text spoken, as a WAV file. */
    public byte[] wav(String text) throws IOException {
        Process p = new ProcessBuilder(settings.command(), "-v", settings.voice(), "-s",
                String.valueOf(settings.wordsPerMinute()), "--stdin", "--stdout")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // a part's text is a few hundred bytes: it fits the pipe, so it is written whole before the audio is read
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] wav = readBounded(p);
        if (p.exitValue() != 0 || wav.length < 44) {
            throw new IOException(settings.command() + " failed (exit " + p.exitValue() + ", " + wav.length + " bytes)");
        }
        return wav;
    }

    private static String run(String command, String argument) throws IOException {
        Process p = new ProcessBuilder(command, argument).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = readBounded(p);
        if (p.exitValue() != 0) throw new IOException(command + " " + argument + " exited with " + p.exitValue());
        return new String(out, StandardCharsets.UTF_8);
    }

    /** All the process writes, and its end; a process still running after RUN_SECONDS is killed. */
    private static byte[] readBounded(Process p) throws IOException {
        CompletableFuture.delayedExecutor(RUN_SECONDS, TimeUnit.SECONDS).execute(p::destroyForcibly);
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS) || p.exitValue() == 137) {
                p.destroyForcibly();
                throw new IOException("the speech engine did not finish within " + RUN_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while speaking");
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
