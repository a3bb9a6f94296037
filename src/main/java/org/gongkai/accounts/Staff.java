package org.gongkai.accounts;

/** The member of staff behind a request; csrfToken is null when the request came with an API token. */
public record Staff(long id, String username, Role role, String department, String csrfToken) {
    public boolean viaSession() {
        return csrfToken != null;
    }
}
