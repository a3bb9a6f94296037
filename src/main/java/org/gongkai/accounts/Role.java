package org.gongkai.accounts;

import java.util.Locale;

public enum Role {
    ADMIN, REVIEWER, EDITOR, VIEWER;

    public boolean canWrite() {
        return this != VIEWER;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String code) {
        return Role.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
