package org.gongkai.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.gongkai.support.Fixtures;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Start-up failures end the real process with one clear line and a non-zero exit. */
class StartupTest {
    @TempDir
    Path dir;

    record Exit(int code, String stderr, String stdout) {}

    Exit runMain(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gongkai.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GONGKAI_"));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process did not exit");
        }
        return new Exit(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void defaultPublicAddressFollowsThePortButAConfiguredOneStays() {
        Config defaults = ConfigLoader.defaults();
        assertThat(defaults.withPort(8081).server().publicBaseUrl()).isEqualTo("http://localhost:8081");
        assertThat(defaults.withPublicBaseUrl("https://gk.example.cn").withPort(8081).server().publicBaseUrl())
                .isEqualTo("https://gk.example.cn");
    }

    /** The port in the operator's file is the port phones are sent to, unless the file names the address itself. */
    @Test
    void defaultPublicAddressFollowsThePortInTheConfigFile() throws Exception {
        Path file = dir.resolve("port.yaml");
        Files.writeString(file, "server:\n  port: 7401\n");
        Config fromFile = ConfigLoader.load(file);
        assertThat(fromFile.server().port()).isEqualTo(7401);
        assertThat(fromFile.server().publicBaseUrl()).isEqualTo("http://localhost:7401");
        assertThat(fromFile.withPort(7500).server().publicBaseUrl()).as("--port still wins").isEqualTo("http://localhost:7500");

        Path named = dir.resolve("named.yaml");
        Files.writeString(named, "server:\n  port: 7401\n  publicBaseUrl: https://gk.example.cn\n");
        assertThat(ConfigLoader.load(named).server().publicBaseUrl()).isEqualTo("https://gk.example.cn");
        assertThat(ConfigLoader.load(named).withPort(7500).server().publicBaseUrl()).isEqualTo("https://gk.example.cn");

        Path explicitLocal = dir.resolve("explicit-local.yaml");
        Files.writeString(explicitLocal, "server:\n  port: 7401\n  publicBaseUrl: http://localhost:7070\n");
        assertThat(ConfigLoader.load(explicitLocal).server().publicBaseUrl()).as("set by the operator: kept as written")
                .isEqualTo("http://localhost:7070");
    }

    /**
     * A real server started from a config file that sets only the port: its short links and QR codes lead to that
     * port, and the link they carry reaches the item on this server.
     */
    @Test
    void aServerOnThePortOfItsConfigFileHandsOutLinksToThatPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path file = dir.resolve("gongkai.yaml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: " + port + "\n");
        Config config = ConfigLoader.load(file);
        try (TestServer server = TestServer.start(config, TestServer.freshDatabase(), false)) {
            assertThat(server.app.port()).isEqualTo(port);
            Http admin = server.admin();
            Fixtures.basics(admin);
            JsonNode item = Fixtures.create(admin, Fixtures.notice("端口跟随配置文件"));
            String code = item.get("shortCode").asText();
            assertThat(item.get("shortUrl").asText()).isEqualTo("http://localhost:" + port + "/s/" + code);

            Http.Response png = server.anonymous().get("/qr/" + code + ".png?size=300");
            assertThat(png.status()).isEqualTo(200);
            String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                    ImageIO.read(new ByteArrayInputStream(png.bytes())))))).getText();
            assertThat(decoded).isEqualToIgnoringCase("http://localhost:" + port + "/s/" + code);

            Http.Response followed = server.anonymous().get(decoded.replaceFirst("(?i)^http://localhost:", "http://127.0.0.1:"));
            assertThat(followed.status()).isEqualTo(302);
            assertThat(followed.header("Location")).isEqualTo("/m/items/" + item.get("id").asLong());
        }
    }

    @Test
    void badConfigValueNamesFileAndKey() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "server:\n  port: abc\n");
        Exit exit = runMain("--config", config.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr()).isEqualTo("gongkai: config file " + config + ": key 'server.port': expected a whole number");
    }

    @Test
    void unknownKeyAndBrokenYamlAreNamed() throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "display:\n  colour: red\n");
        Exit e1 = runMain("--config", unknown.toString());
        assertThat(e1.code()).isEqualTo(2);
        assertThat(e1.stderr()).contains(unknown.toString()).contains("display.colour").contains("unknown key").doesNotContain("\n");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "server:\n  port: [1,\n");
        Exit e2 = runMain("--config", broken.toString());
        assertThat(e2.code()).isEqualTo(2);
        assertThat(e2.stderr()).contains(broken.toString()).contains("not valid YAML").doesNotContain("\tat ");

        Exit e3 = runMain("--config", dir.resolve("missing.yaml").toString());
        assertThat(e3.stderr()).contains("missing.yaml").contains("not found");
    }

    @Test
    void portInUseIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Exit exit = runMain("--port", String.valueOf(taken.getLocalPort()), "--data-dir", dir.resolve("data").toString(), "--no-demo");
            assertThat(exit.code()).isEqualTo(2);
            assertThat(exit.stderr().lines().filter(l -> l.startsWith("gongkai:")).toList())
                    .containsExactly("gongkai: port " + taken.getLocalPort() + " is already in use; choose another with --port or GONGKAI_PORT");
            assertThat(exit.stderr()).doesNotContain("\tat ");
        }
    }

    @Test
    void unwritableDataDirIsOneClearLine() throws Exception {
        // sysfs refuses new entries even to root, so this holds in CI, which runs as root.
        assumeTrue(Files.isDirectory(Path.of("/sys")), "needs Linux sysfs");
        Path unwritable = Path.of("/sys/gongkai-data");
        Exit exit = runMain("--data-dir", unwritable.toString(), "--port", "0");
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr()).startsWith("gongkai: data dir " + unwritable).contains("not writable").doesNotContain("\n");
    }

    @Test
    void dataDirThatIsAFileIsOneClearLine() throws Exception {
        Path file = dir.resolve("plainfile");
        Files.writeString(file, "x");
        Exit exit = runMain("--data-dir", file.toString(), "--port", "0");
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr()).startsWith("gongkai: data dir " + file).contains("not writable").doesNotContain("\n");
    }

    @Test
    void badFlagsAreOneClearLine() throws Exception {
        assertThat(runMain("--port", "seventy").stderr()).isEqualTo("gongkai: port 'seventy' is not a port number (0-65535)");
        assertThat(runMain("--frobnicate").stderr()).isEqualTo("gongkai: unknown option '--frobnicate' (try --help)");
    }

}
