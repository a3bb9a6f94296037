package org.gongkai.web;

import io.javalin.http.Context;

/** CSV exports that spreadsheets open as UTF-8 and never run as formulas. */
public final class Csv {
    /** Starts every export: without it Excel reads UTF-8 as the local code page. */
    public static final String BOM = "\uFEFF";
    public static final String NEWLINE = "\r\n";

    private Csv() {}

    /** A quoted CSV cell that a spreadsheet will not run as a formula. */
    public static String cell(String s) {
        if (s == null) return "";
        String v = s.matches("^[=+\\-@\\t\\r].*") ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** Sends the text as a download with the given file name (ASCII). */
    public static void send(Context ctx, String fileName, CharSequence csv) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }
}
