package org.gongkai.content;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history actions have one set of names: the codes of HistoryAction (what Java stores), the CHECK of
 * item_history.action, and the labels of the admin page (kiosk-web/admin/content-labels.js), in the same order.
 */
class HistoryActionNamesUnitTest {
    static final List<String> JAVA = Arrays.stream(HistoryAction.values()).map(HistoryAction::code).toList();

    @Test
    void theSqlConstraintListsTheEnumsCodes() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V9__history_actions.sql"));
        Matcher in = Pattern.compile("CHECK \\(action IN \\(([^)]*)\\)\\)").matcher(sql);
        assertThat(in.find()).as("the CHECK of item_history.action").isTrue();
        assertThat(quoted(in.group(1))).isEqualTo(JAVA);
    }

    @Test
    void theAdminLabelsNameTheEnumsCodes() throws IOException {
        String js = Files.readString(Path.of("kiosk-web/admin/content-labels.js"));
        Matcher block = Pattern.compile("var ACTION_NAMES = \\{(.*?)\\n};", Pattern.DOTALL).matcher(js);
        assertThat(block.find()).as("ACTION_NAMES in content-labels.js").isTrue();
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("(?m)^\\s*'?([a-z_]+)'?:").matcher(block.group(1));
        while (key.find()) keys.add(key.group(1));
        assertThat(keys).isEqualTo(JAVA);
    }

    @Test
    void codesParseBackAndTheGroupsArePartOfTheEnum() {
        for (HistoryAction a : HistoryAction.values()) assertThat(HistoryAction.parse(a.code())).isEqualTo(a);
        assertThat(HistoryAction.codes(HistoryAction.PUBLISHING)).containsExactly("approve", "issue", "import");
        assertThat(HistoryAction.codes(HistoryAction.AUTHORING)).containsExactly("create", "update", "revise", "submit");
    }

    private static List<String> quoted(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'").matcher(list);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
