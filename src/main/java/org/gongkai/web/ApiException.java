package org.gongkai.web;

/** An error the client caused or may see: becomes {"error": ..., "field": ...} with its status. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, message, field);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "login required", null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message, null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
