package org.gongkai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One naming rule for the test levels, so that a name says what a test needs (and the mutation profile, which runs
 * only the first two, stays fast): {@code *UnitTest} no database, server or browser; {@code *ServiceTest} services and
 * stores on a real database, no server or browser; {@code *Test} a real server on a random port; {@code *BrowserTest}
 * that and headless Chromium; {@code *FaultIT} the jar in a JVM of its own, killed or starved (the faults profile).
 */
class TestNamesUnitTest {
    private static final Path TESTS = Path.of("src/test/java/org/gongkai");
    private static final Pattern SERVER = Pattern.compile("\\b(TestServer|ServerTest|DemoBrowserTest|JarServer|FixtureServer)\\b");
    private static final Pattern BROWSER = Pattern.compile("\\b(Browser|DemoBrowserTest|com\\.microsoft\\.playwright)\\b");
    private static final Pattern DATABASE = Pattern.compile("\\b(Services|Jdbi|DataSource|TestServer)\\b");

    @Test
    void eachTestClassIsNamedForWhatItNeeds() throws IOException {
        List<String> wrong = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(TESTS.resolve("support"))).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                String code = Files.readString(file);
                if (!code.contains("@Test") || name.equals("TestNamesUnitTest")) continue; // this one names the patterns
                classes++;
                boolean server = SERVER.matcher(code).find();
                boolean browser = BROWSER.matcher(code).find();
                if (name.endsWith("UnitTest") && (server || browser || DATABASE.matcher(code).find())) {
                    wrong.add(name + ": a unit test uses a database, server or browser");
                } else if (name.endsWith("ServiceTest") && (server || browser)) {
                    wrong.add(name + ": a service test starts a server or a browser");
                } else if (name.endsWith("BrowserTest") && !browser) {
                    wrong.add(name + ": named a browser test but drives no browser");
                } else if (name.endsWith("FaultIT") && !code.contains("JarServer")) {
                    wrong.add(name + ": a fault test that does not start the jar");
                } else if (!name.matches(".*(UnitTest|ServiceTest|BrowserTest|FaultIT)") && name.endsWith("Test") && !server) {
                    wrong.add(name + ": starts no server; call it *UnitTest or *ServiceTest");
                } else if (!name.endsWith("Test") && !name.endsWith("FaultIT")) {
                    wrong.add(name + ": test classes end in Test or FaultIT, or Maven does not run them");
                }
            }
        }
        System.out.println("TestNamesUnitTest: " + classes + " test classes checked");
        assertThat(classes).isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }
}
