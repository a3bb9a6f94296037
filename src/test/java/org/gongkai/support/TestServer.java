package org.gongkai.support;

import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.App;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigLoader;
import org.gongkai.db.Database;

import java.util.UUID;
import java.util.function.UnaryOperator;

/** The real server on a random port with a fresh in-memory H2 database. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "test-admin-password";

    public final App app;
    public final HikariDataSource dataSource;
    public final String base;

    private TestServer(App app, HikariDataSource dataSource) {
        this.app = app;
        this.dataSource = dataSource;
        this.base = "http://127.0.0.1:" + app.port();
    }

    public static TestServer start() {
        return start(false, c -> c);
    }

    public static TestServer start(boolean demo, UnaryOperator<Config> adjust) {
        Config config = adjust.apply(ConfigLoader.defaults().withPort(0));
        return start(config, Database.inMemory("test-" + UUID.randomUUID()), demo);
    }

    public static TestServer start(Config config, HikariDataSource ds, boolean demo) {
        App app = new App(config, ds, new App.Options(ADMIN_PASSWORD, demo)).start();
        return new TestServer(app, ds);
    }

    public Http anonymous() {
        return new Http(base);
    }

    public Http admin() {
        Http http = new Http(base);
        http.login("admin", ADMIN_PASSWORD);
        return http;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + app.port() + "/ws/screen";
    }

    @Override
    public void close() {
        app.stop();
        dataSource.close();
    }
}
