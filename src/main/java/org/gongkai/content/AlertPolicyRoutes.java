package org.gongkai.content;

import io.javalin.http.Context;
import org.gongkai.config.Config;
import org.gongkai.config.ConfigException;
import org.gongkai.departments.Department;
import org.gongkai.departments.DepartmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/alerts/policy: what the alert composer needs to know before an alert is written: whether a second
 * reviewer must approve it (security.alertSecondApprover) and the department it is issued for by default
 * (alerts.defaultDepartment, checked against the departments at start).
 */
public final class AlertPolicyRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AlertPolicyRoutes.class);

    private final ItemService items;
    private final DepartmentStore departments;
    private final String defaultDepartment;

    public AlertPolicyRoutes(ItemService items, DepartmentStore departments, Config config) {
        this.items = items;
        this.departments = departments;
        this.defaultDepartment = config.alerts().defaultDepartment().strip();
    }

    /**
     * At start, once the departments are there: a code the operator set that names no department stops Gongkai with
     * one line; the built-in one (the demo's weather bureau) in a county without it only preselects nothing. With no
     * departments yet (a first start without the demo) there is nothing to check against.
     */
    public static void check(Config config, DepartmentStore departments) {
        String code = config.alerts().defaultDepartment().strip();
        List<Department> all = departments.list();
        if (code.isEmpty() || all.isEmpty() || departments.exists(code)) return;
        String known = String.join(", ", all.stream().map(Department::code).sorted().toList());
        if (code.equals(Config.DEFAULT_ALERT_DEPARTMENT)) {
            LOG.warn("alerts.defaultDepartment is the demo's '{}', which is no department here; the alert composer "
                    + "preselects none until you set it to your weather bureau's code (one of: {})", code, known);
            return;
        }
        throw new ConfigException("config file " + config.source() + ": key 'alerts.defaultDepartment': no department "
                + "has the code '" + code + "'; set it to one of: " + known + " (or \"\" for none)");
    }

    public void policy(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secondApprover", items.alertSecondApprover());
        out.put("defaultDepartment", !defaultDepartment.isEmpty() && departments.exists(defaultDepartment) ? defaultDepartment : null);
        ctx.json(out);
    }
}
