package org.gongkai.content;

import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.App;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.config.ConfigLoader;
import org.gongkai.support.Http;
import org.gongkai.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The department an alert is issued for by default comes from alerts.defaultDepartment (the demo's weather bureau,
 * meteorology, out of the box). A county that names a department it does not have cannot start; the built-in value
 * in a county without that department only preselects nothing.
 */
class AlertDefaultsTest {
    static Config withAlertDepartment(String code) {
        Config defaults = ConfigLoader.defaults().withPort(0);
        return defaults.withAlerts(new Config.Alerts(code));
    }

    @Test
    void theDemoPreselectsItsWeatherBureau() {
        try (TestServer server = TestServer.start(true, c -> c)) {
            Http.Response r = server.user("duty-reviewer", "reviewer", null).get("/api/alerts/policy");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("defaultDepartment").asText()).isEqualTo("meteorology");
        }
    }

    @Test
    void aConfiguredDepartmentThatDoesNotExistStopsStartUp() {
        HikariDataSource ds = TestServer.freshDatabase();
        try {
            assertThatThrownBy(() -> new App(withAlertDepartment("weather"), ds, new App.Options(TestServer.ADMIN_PASSWORD, true)).start())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("key 'alerts.defaultDepartment': no department has the code 'weather'")
                    .hasMessageContaining("meteorology");
        } finally {
            TestServer.dispose(ds);
        }
    }

    @Test
    void withoutTheBuiltInDepartmentNothingIsPreselectedAndTheServerStarts() {
        HikariDataSource ds = TestServer.freshDatabase();
        try {
            App first = new App(ConfigLoader.defaults().withPort(0), ds, new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            Http admin = new Http("http://127.0.0.1:" + first.port());
            admin.login("admin", TestServer.ADMIN_PASSWORD);
            assertThat(admin.post("/api/departments", "{\"code\":\"qxj\",\"name\":\"县气象局\"}").status()).isEqualTo(201);
            assertThat(admin.get("/api/alerts/policy").json().get("defaultDepartment").isNull()).isTrue();
            first.stop();

            App again = new App(ConfigLoader.defaults().withPort(0), ds, new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            again.stop();
            App own = new App(withAlertDepartment("qxj"), ds, new App.Options(TestServer.ADMIN_PASSWORD, false)).start();
            Http staff = new Http("http://127.0.0.1:" + own.port());
            staff.login("admin", TestServer.ADMIN_PASSWORD);
            assertThat(staff.get("/api/alerts/policy").json().get("defaultDepartment").asText()).isEqualTo("qxj");
            own.stop();
        } finally {
            TestServer.dispose(ds);
        }
    }
}
