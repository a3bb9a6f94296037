package org.gongkai.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void anAlertDepartmentThatIsNoDepartmentIsOneClearLine() throws Exception {
        Path config = dir.resolve("gongkai.yaml");
        Files.writeString(config, "alerts:\n  defaultDepartment: weather\n");
        Exit exit = runMain("--config", config.toString(), "--port", "0", "--data-dir", dir.resolve("data").toString());
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr()).startsWith("gongkai: config file " + config + ": key 'alerts.defaultDepartment': "
                + "no department has the code 'weather'").contains("meteorology").doesNotContain("\n");
    }

    @Test
    void badFlagsAreOneClearLine() throws Exception {
        assertThat(runMain("--port", "seventy").stderr()).isEqualTo("gongkai: port 'seventy' is not a port number (0-65535)");
        assertThat(runMain("--frobnicate").stderr()).isEqualTo("gongkai: unknown option '--frobnicate' (try --help)");
    }

}
