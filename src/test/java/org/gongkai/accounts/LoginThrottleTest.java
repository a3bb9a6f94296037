package org.gongkai.accounts;

import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing is slowed down: five wrong passwords close the name for a quarter of an hour. */
class LoginThrottleTest {
    @Test
    void fiveWrongPasswordsCloseTheNameEvenToTheRightOne() {
        try (TestServer server = TestServer.start()) {
            Http anon = server.anonymous();
            for (int i = 0; i < 5; i++) assertThat(anon.login("admin", "guess " + i).status()).isEqualTo(401);
            Http.Response locked = anon.login("admin", TestServer.ADMIN_PASSWORD);
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.json().get("error").asText()).contains("too many failed logins");
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
            assertThat(anon.login("someone-else", "x").status()).as("another name is not closed").isEqualTo(401);
        }
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        try (TestServer server = TestServer.start()) {
            Http anon = server.anonymous();
            for (int i = 0; i < 4; i++) anon.login("admin", "guess " + i);
            assertThat(anon.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
            for (int i = 0; i < 4; i++) assertThat(anon.login("admin", "again " + i).status()).isEqualTo(401);
            assertThat(anon.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }
}
