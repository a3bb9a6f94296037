package org.gongkai.support;

import com.zaxxer.hikari.HikariDataSource;
import org.gongkai.accounts.Role;
import org.gongkai.accounts.Staff;
import org.gongkai.catalogue.CatalogueLoader;
import org.gongkai.config.ConfigLoader;
import org.gongkai.content.Item;
import org.gongkai.content.ItemInput;
import org.gongkai.content.ItemKind;
import org.gongkai.content.ItemService;
import org.gongkai.content.ItemStatus;
import org.gongkai.content.ItemStore;
import org.gongkai.content.ItemValidator;
import org.gongkai.content.ItemViews;
import org.gongkai.content.ReviewService;
import org.gongkai.content.ReviewStore;
import org.gongkai.db.Database;
import org.gongkai.departments.Department;
import org.gongkai.departments.DepartmentStore;
import org.gongkai.push.Change;
import org.gongkai.push.LocalChangeFeed;
import org.gongkai.qr.ShortLinks;
import org.gongkai.screens.ScreenGroup;
import org.gongkai.screens.ScreenStore;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The content services and stores as App wires them, on a migrated database (in-memory H2, or PostgreSQL as
 * TestServer chooses) with no HTTP server: for the fast *ServiceTest tests. Each {@link #fresh()} starts from empty
 * tables with their identities restarted; only departments hrss and weather and screen groups plaza and hall exist.
 * Every change the services announce is kept in {@link #changes}. The database is migrated once per JVM and emptied
 * for each test (a migration costs 300-900 ms here, emptying a few ms): mutation testing runs these tests thousands
 * of times.
 */
public final class Services {
    private static HikariDataSource shared;

    /** Monday 2026-11-23 10:00 in Beijing. */
    public static final Instant START = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();

    public final HikariDataSource dataSource;
    public final Jdbi jdbi;
    public final TestClock clock = new TestClock(START);
    public final LocalChangeFeed feed = new LocalChangeFeed();
    public final List<Change> changes = new CopyOnWriteArrayList<>();
    public final DepartmentStore departments;
    public final ScreenStore screens;
    public final ItemStore items;
    public final ReviewStore reviews;
    public final ItemService itemService;
    public final ReviewService review;
    public final ItemViews views;

    public final Staff admin = staff("admin", Role.ADMIN, null);
    public final Staff reviewer = staff("reviewer", Role.REVIEWER, null);
    public final Staff reviewer2 = staff("reviewer2", Role.REVIEWER, null);
    public final Staff editor = staff("editor", Role.EDITOR, "hrss");
    public final Staff editor2 = staff("editor2", Role.EDITOR, "hrss");
    public final Staff weatherEditor = staff("weatherman", Role.EDITOR, "weather");
    public final Staff viewer = staff("viewer", Role.VIEWER, null);

    private Services(boolean alertSecondApprover) {
        dataSource = emptyDatabase();
        jdbi = Jdbi.create(dataSource);
        feed.subscribe(changes::add);
        departments = new DepartmentStore(jdbi, clock);
        screens = new ScreenStore(jdbi, Duration.ofSeconds(90), clock);
        items = new ItemStore(jdbi);
        reviews = new ReviewStore(jdbi);
        itemService = new ItemService(items, reviews, new ItemValidator(CatalogueLoader.load(ConfigLoader.defaults()),
                departments::exists, screens::groupExists, items::isPolicy), feed, clock, alertSecondApprover);
        review = new ReviewService(items, reviews, feed, clock);
        views = new ItemViews(items, departments, new ShortLinks("https://gk.example.gov.cn"), reviews);
        departments.insert(new Department("hrss", "县人力资源和社会保障局", "Human Resources and Social Security", null));
        departments.insert(new Department("weather", "县气象局", "Meteorological Bureau", null));
        screens.insertGroup(new ScreenGroup("plaza", "人民广场大屏", "Plaza", 15, 30.0, 4.0, "22:00", "06:00"));
        screens.insertGroup(new ScreenGroup("hall", "大厅屏", "Hall", 12, 5.0, null, null, null));
    }

    public static Services fresh() {
        return new Services(false);
    }

    public static Services withAlertSecondApprover() {
        return new Services(true);
    }

    public static Staff staff(String username, Role role, String department) {
        return new Staff(username.hashCode(), username, role, department, null);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8));
    }

    /** A notice of department hrss with the given status, for every group, shown from an hour ago. */
    public static ItemInput notice(String title, ItemStatus status) {
        return ItemInput.builder().kind(ItemKind.NOTICE).title(title).body("正文").bodyFormat("text").department("hrss")
                .category("notices").status(status).build();
    }

    /** A notice submitted by the editor and approved by the reviewer: on screen. */
    public Item published(ItemInput input) {
        Item submitted = itemService.create(input.withStatus(ItemStatus.SUBMITTED), editor);
        return review.approve(submitted.id(), null, reviewer);
    }

    public Item published(String title) {
        return published(notice(title, ItemStatus.SUBMITTED));
    }

    private static synchronized HikariDataSource emptyDatabase() {
        if (shared == null) {
            HikariDataSource ds = TestServer.freshDatabase();
            Database.migrate(ds);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestServer.dispose(ds)));
            shared = ds;
            return ds;
        }
        try (Connection c = shared.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (!rs.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (TestServer.onPostgres()) {
                st.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            } else {
                st.execute("SET REFERENTIAL_INTEGRITY FALSE");
                for (String t : tables) st.execute("TRUNCATE TABLE " + t + " RESTART IDENTITY");
                st.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            st.execute("INSERT INTO audit_head (id, appends) VALUES (1, 0)"); // the chain's lock row (V14)
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database: " + e.getMessage(), e);
        }
        return shared;
    }
}
