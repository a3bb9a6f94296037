package org.gongkai.accounts;

import java.time.OffsetDateTime;

/** A staff account as the user management API shows it: never its password hash. */
public record User(long id, String username, String displayName, String role, String department, boolean disabled,
                   OffsetDateTime createdAt) {}
