package org.gongkai.accounts;

import java.util.Locale;

/**
 * What a member of staff may do. Editors write their own department's content; reviewers approve anyone's; admins
 * also run the system. Viewers read content. The disclosure office (公开办) reads and handles every application for
 * information (personal data, otherwise read only by the handling department's editors and reviewers) and reads
 * content like a viewer.
 */
public enum Role {
    ADMIN, REVIEWER, EDITOR, VIEWER, DISCLOSURE;

    /** May write content (items). */
    public boolean canWrite() {
        return this == ADMIN || this == REVIEWER || this == EDITOR;
    }

    /** May read every application, whichever department handles it. */
    public boolean readsAllApplications() {
        return this == ADMIN || this == DISCLOSURE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String code) {
        return Role.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
