package org.gongkai.screens;

/** Screens that show the same playlist, with the settings they share. Night hours are HH:mm or null. */
public record ScreenGroup(String code, String name, String nameEn, Integer defaultDurationSeconds,
                          Double viewingDistanceMeters, String nightStart, String nightEnd) {}
