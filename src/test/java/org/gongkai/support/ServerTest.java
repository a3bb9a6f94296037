package org.gongkai.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class against one real server on a random port with a fresh database, the basic departments and screen
 * groups, and a logged-in admin. JUnit runs these before and after each subclass.
 */
public abstract class ServerTest {
    protected static TestServer server;
    protected static Http admin;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        admin = server.admin();
        Fixtures.basics(admin);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
