package org.gongkai.departments;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

public final class DepartmentStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public DepartmentStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public List<Department> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT code, name, name_en, phone FROM departments ORDER BY code")
                .map((rs, ctx) -> new Department(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("phone"))).list());
    }

    public Optional<Department> find(String code) {
        return list().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public boolean exists(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM departments WHERE code = :c")
                .bind("c", code).mapTo(Integer.class).one() > 0);
    }

    public void insert(Department d) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO departments (code, name, name_en, phone, created_at) VALUES (:code, :name, :nameEn, :phone, :now)""")
                .bindMethods(d).bind("now", OffsetDateTime.now(clock)).execute());
    }

    public boolean update(Department d) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE departments SET name = :name, name_en = :nameEn, phone = :phone WHERE code = :code")
                .bindMethods(d).execute()) == 1;
    }
}
