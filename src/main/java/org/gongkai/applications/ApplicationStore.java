package org.gongkai.applications;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for disclosure-on-request applications. */
public final class ApplicationStore {
    private static final String COLUMNS = """
            id, number, channel, subject, applicant, contact, received_on, clock_starts_on, status, extended,
            reply_type, answered_on, created_at, updated_at, updated_by, department, id_type, id_number, phone, delivery,
            delivery_address, email, screen_id, applicant_type, result""";
    private final Jdbi jdbi;

    public ApplicationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts and numbers it YSQ{year}-{id, six digits}; returns the number. */
    public String insert(String checkHash, String channel, String subject, String applicant, String contact,
                         LocalDate receivedOn, String department, String applicantType, Application.SelfService self,
                         OffsetDateTime now, String actor) {
        Application.SelfService s = self == null ? new Application.SelfService(null, null, null, null, null, null, null) : self;
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO applications (check_hash, channel, subject, applicant, contact, received_on,
                              clock_starts_on, status, created_at, updated_at, updated_by, department, id_type, id_number,
                              phone, delivery, delivery_address, email, screen_id, applicant_type)
                            VALUES (:hash, :channel, :subject, :applicant, :contact, :received, :received, 'received', :now, :now,
                              :actor, :department, :idType, :idNumber, :phone, :delivery, :address, :email, :screen, :applicantType)""")
                    .bind("applicantType", applicantType)
                    .bind("idType", s.idType()).bind("idNumber", s.idNumber()).bind("phone", s.phone())
                    .bind("delivery", s.delivery()).bind("address", s.address()).bind("email", s.email()).bind("screen", s.screenId())
                    .bind("hash", checkHash).bind("department", department).bind("channel", channel).bind("subject", subject).bind("applicant", applicant)
                    .bind("contact", contact).bind("received", receivedOn).bind("now", now).bind("actor", actor)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            String number = String.format("YSQ%d-%06d", receivedOn.getYear(), id);
            h.createUpdate("UPDATE applications SET number = :n WHERE id = :id").bind("n", number).bind("id", id).execute();
            return number;
        });
    }

    public Optional<Application> find(String number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM applications WHERE number = :n")
                .bind("n", number).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<String> checkHash(String number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT check_hash FROM applications WHERE number = :n")
                .bind("n", number).mapTo(String.class).findOne());
    }

    /** The newest applications, of one department or (department null) of all. */
    public List<Application> list(String department, int limit) {
        String where = department == null ? "" : " WHERE department = :department";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM applications" + where + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                    .bind("limit", limit);
            if (department != null) q.bind("department", department);
            return q.map((rs, ctx) -> map(rs)).list();
        });
    }

    /** Every application of one department, or of all (department null), oldest first: what a report counts. */
    public List<Application> all(String department) {
        String where = department == null ? "" : " WHERE department = :department";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM applications" + where + " ORDER BY id");
            if (department != null) q.bind("department", department);
            return q.map((rs, ctx) -> map(rs)).list();
        });
    }

    public void route(long id, String department, OffsetDateTime now, String actor) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE applications SET department = :d, updated_at = :now, updated_by = :actor WHERE id = :id")
                .bind("d", department).bind("now", now).bind("actor", actor).bind("id", id).execute());
    }

    public void update(Application a, OffsetDateTime now, String actor) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE applications SET status = :status, extended = :extended, clock_starts_on = :clock,
                          reply_type = :reply, answered_on = :answered, result = :result, updated_at = :now, updated_by = :actor
                        WHERE id = :id""")
                .bind("status", a.status()).bind("extended", a.extended()).bind("clock", a.clockStartsOn())
                .bind("reply", a.replyType()).bind("answered", a.answeredOn()).bind("result", a.result()).bind("now", now).bind("actor", actor)
                .bind("id", a.id()).execute());
    }

    private static Application map(ResultSet rs) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("number"), rs.getString("channel"), rs.getString("subject"),
                rs.getString("applicant"), rs.getString("contact"), rs.getObject("received_on", LocalDate.class),
                rs.getObject("clock_starts_on", LocalDate.class), rs.getString("status"), rs.getBoolean("extended"),
                rs.getString("reply_type"), rs.getObject("answered_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"), rs.getString("department"), rs.getString("applicant_type"), rs.getString("result"),
                selfService(rs));
    }

    private static Application.SelfService selfService(ResultSet rs) throws SQLException {
        if (rs.getString("id_type") == null) return null;
        return new Application.SelfService(rs.getString("id_type"), rs.getString("id_number"), rs.getString("phone"),
                rs.getString("delivery"), rs.getString("delivery_address"), rs.getString("email"), rs.getString("screen_id"));
    }
}
