package org.gongkai.push;

import java.util.List;

/** Something committed that screens may need to hear about. */
public sealed interface Change {
    /** Items changed; version is the content version after the commit. */
    record Content(long version, List<Long> itemIds) implements Change {}

    /** A screen was paired, regrouped, renamed or retired. */
    record Screen(String screenId) implements Change {}

    /** A screen group's settings changed. */
    record Group(String groupCode) implements Change {}
}
