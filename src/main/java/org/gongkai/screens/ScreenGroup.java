package org.gongkai.screens;

/**
 * Screens that show the same playlist, with the settings they share. Night hours are HH:mm or null.
 * screenHeightMeters, the physical height of the picture, turns the viewing distance into pixels; null when unknown.
 * alertSound and alertVolume (0-100): the attention tone orange and red warnings sound on screens with speakers
 * (common/attention.js), quiet in night hours unless red; null in a request means the default, on at 60.
 * printLayout: how the group's touchscreens print an item, one of {@link #PRINT_LAYOUTS}; null means none.
 */
public record ScreenGroup(String code, String name, String nameEn, Integer defaultDurationSeconds,
                          Double viewingDistanceMeters, Double screenHeightMeters, String nightStart, String nightEnd,
                          Boolean alertSound, Integer alertVolume, String printLayout) {

    public static final int DEFAULT_ALERT_VOLUME = 60;
    /** An 80 mm receipt printer, an A4 printer, or no printer at the screen. */
    public static final java.util.List<String> PRINT_LAYOUTS = java.util.List.of("receipt80", "a4", "none");
    public static final String NO_PRINTER = "none";

    /** A group with the attention tone as it is by default. */
    public ScreenGroup(String code, String name, String nameEn, Integer defaultDurationSeconds,
                       Double viewingDistanceMeters, Double screenHeightMeters, String nightStart, String nightEnd) {
        this(code, name, nameEn, defaultDurationSeconds, viewingDistanceMeters, screenHeightMeters, nightStart, nightEnd,
                true, DEFAULT_ALERT_VOLUME, NO_PRINTER);
    }
}
