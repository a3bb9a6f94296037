package org.gongkai.applications;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A disclosure-on-request application (依申请公开) as staff see it. department: the one handling it (null: not yet
 * routed; then only admins and the disclosure office see it). applicantType and result: in the terms of the annual
 * report's table 3 ({@link NationalFormat}); null where not recorded (applications from before they were).
 */
public record Application(long id, String number, String channel, String subject, String applicant, String contact,
                          LocalDate receivedOn, LocalDate clockStartsOn, String status, boolean extended,
                          String replyType, LocalDate answeredOn, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                          String updatedBy, String department, String applicantType, String result,
                          SelfService selfService) {

    /**
     * What a citizen gave who applied themselves (null for what staff registered): the identity document, phone, how
     * the answer reaches them (collect, post to address, or email) and the touchscreen that took it (null: the
     * mobile page).
     */
    public record SelfService(String idType, String idNumber, String phone, String delivery, String address,
                              String email, String screenId) {}

    /** The channels staff register; a citizen's own application comes in as online (mobile page) or kiosk. */
    public static final List<String> CHANNELS = List.of("in_person", "letter", "fax", "email", "online", "other");
    public static final String KIOSK = "kiosk";

    /** status -> the name a citizen reads */
    public static final Map<String, String> STATUS_NAMES = Map.of("received", "已收到", "handling", "办理中",
            "correction_requested", "待补正（请按告知补充申请内容）", "answered", "已答复");

    public static final Map<String, String> REPLY_TYPES = Map.of("published", "已主动公开", "disclosed", "予以公开",
            "partly", "部分公开", "not_disclosed", "不予公开", "not_exist", "信息不存在",
            "not_this_office", "非本机关负责公开", "unclear", "申请内容不明确", "other", "其他处理结果（见答复书）");

    public static final int DAYS = 20;
    public static final int EXTENSION_DAYS = 20;
}
