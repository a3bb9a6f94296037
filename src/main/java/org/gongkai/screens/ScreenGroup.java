package org.gongkai.screens;

/**
 * Screens that show the same playlist, with the settings they share. Night hours are HH:mm or null.
 * screenHeightMeters, the physical height of the picture, turns the viewing distance into pixels; null when unknown.
 */
public record ScreenGroup(String code, String name, String nameEn, Integer defaultDurationSeconds,
                          Double viewingDistanceMeters, Double screenHeightMeters, String nightStart, String nightEnd) {}
