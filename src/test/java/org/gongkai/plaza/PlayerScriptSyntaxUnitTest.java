package org.gongkai.plaza;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The players' scripts (kiosk-web/plaza, touch and common) keep to what Chromium 64 runs: ES modules, but ES5 inside
 * them. A syntax error in one module stops the whole player on an old controller (Chromium 64-72), so this is the
 * scripts' counterpart of PlazaBrowserTest's stylesheet check. First Chromium with each: optional chaining and
 * {@code ??} 80, object spread 60 but spread in calls and arrays is fine there only since 46 (banned anyway, with
 * rest parameters, to keep one style), arrow functions, template literals, let/const and classes are ES2015 and
 * the players' style is ES5; async/await 55.
 */
class PlayerScriptSyntaxUnitTest {
    private static final List<String> PLAYER_DIRS = List.of("kiosk-web/plaza", "kiosk-web/touch", "kiosk-web/common");

    private static final Object[][] BANNED = {
            {Pattern.compile("=>"), "arrow function"},
            {Pattern.compile("\\?\\.(?!\\d)"), "optional chaining"},
            {Pattern.compile("\\?\\?"), "??"},
            {Pattern.compile("\\.\\.\\."), "spread or rest"},
            {Pattern.compile("`"), "template literal"},
            {Pattern.compile("\\b(let|const|class|async|await)\\s"), "ES2015+ keyword"},
    };

    @Test
    void thePlayersScriptsUseNothingChromium64Lacks() throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (String dir : PLAYER_DIRS) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".js")).sorted().forEach(scripts::add);
            }
        }
        assertThat(scripts).as("player scripts found").hasSizeGreaterThan(15);
        List<String> found = new ArrayList<>();
        for (Path script : scripts) {
            String[] lines = code(Files.readString(script, StandardCharsets.UTF_8)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (Object[] ban : BANNED) {
                    Matcher m = ((Pattern) ban[0]).matcher(lines[i]);
                    if (m.find()) found.add(script + ":" + (i + 1) + ": " + ban[1] + " in: " + lines[i].strip());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * The plaza's Service Worker caches every module the player imports, directly or not: one missing leaves the
     * page blank offline (a new common module once did, until the offline browser test failed).
     */
    @Test
    void theServiceWorkerCachesEveryModuleThePlazaPlayerImports() throws IOException {
        assertWorkerListsEveryModule("kiosk-web/plaza/sw.js", "kiosk-web/plaza/plaza.js");
    }

    /** The touchscreen's worker too, which answers from its copy while the server is down (issue 15.5). */
    @Test
    void theTouchServiceWorkerCachesEveryModuleTheTouchscreenImports() throws IOException {
        assertWorkerListsEveryModule("kiosk-web/touch/sw.js", "kiosk-web/touch/touch.js");
    }

    private static void assertWorkerListsEveryModule(String workerPath, String entry) throws IOException {
        String worker = Files.readString(Path.of(workerPath), StandardCharsets.UTF_8);
        java.util.Set<Path> seen = new java.util.TreeSet<>();
        java.util.Deque<Path> next = new java.util.ArrayDeque<>(List.of(Path.of(entry)));
        Pattern importFrom = Pattern.compile("^import [^;]*? from '([^']+)';", Pattern.MULTILINE | Pattern.DOTALL);
        while (!next.isEmpty()) {
            Path module = next.pop().normalize();
            if (!seen.add(module)) continue;
            Matcher m = importFrom.matcher(Files.readString(module, StandardCharsets.UTF_8));
            while (m.find()) next.push(module.resolveSibling(m.group(1)));
        }
        assertThat(seen).hasSizeGreaterThan(5);
        for (Path module : seen) {
            String url = "/kiosk/" + Path.of("kiosk-web").relativize(module).toString().replace('\\', '/');
            assertThat(worker).as(workerPath + " SHELL lists " + url).contains("'" + url + "'");
        }
    }

    @Test
    void theCheckSeesCodeAndNotStringsCommentsOrRegularExpressions() {
        assertThat(code("var a = 'x => y'; // ...\nvar b = /a?.b/; /* `x` */ var c = a ? .5 : 1;"))
                .doesNotContain("=>", "...", "`", "?.b");
        assertThat(code("var f = (x) => x;")).contains("=>");
        assertThat(code("var n = a?.b ?? c;")).contains("?.", "??");
        assertThat(code("var s = \"it's\"; var t = `t`;")).contains("`").doesNotContain("it's");
    }

    /**
     * The script with its comments, strings and regular expression literals blanked out (line breaks kept), so that
     * only code is checked. A slash starts a regular expression where an operand is expected.
     */
    static String code(String js) {
        StringBuilder out = new StringBuilder(js.length());
        int i = 0;
        int n = js.length();
        char lastSignificant = '\n';
        while (i < n) {
            char c = js.charAt(i);
            char next = i + 1 < n ? js.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < n && js.charAt(i) != '\n') i++;
            } else if (c == '/' && next == '*') {
                int end = js.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) if (js.charAt(k) == '\n') out.append('\n');
                i = end;
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(js, i, c);
                out.append("\"\"");
                lastSignificant = '"';
            } else if (c == '/' && "(,=:[!&|?{};+-*%<>~^\n".indexOf(lastSignificant) >= 0) {
                i = skipRegex(js, i);
                out.append("/r/");
                lastSignificant = '/';
            } else {
                out.append(c);
                if (!Character.isWhitespace(c)) lastSignificant = c;
                i++;
            }
        }
        return out.toString();
    }

    private static int skipQuoted(String js, int start, char quote) {
        int i = start + 1;
        while (i < js.length() && js.charAt(i) != quote && js.charAt(i) != '\n') {
            i += js.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipRegex(String js, int start) {
        int i = start + 1;
        boolean inClass = false;
        while (i < js.length() && js.charAt(i) != '\n') {
            char c = js.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) break;
            i++;
        }
        i++;
        while (i < js.length() && Character.isLetter(js.charAt(i))) i++; // flags
        return i;
    }
}
