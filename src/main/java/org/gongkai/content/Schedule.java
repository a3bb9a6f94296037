package org.gongkai.content;

import java.time.LocalTime;
import java.util.List;

/**
 * Dayparting: the days of the week (1 = Monday .. 7 = Sunday) and the hours an item shows.
 * Empty days means every day; empty hours means all day. A range whose end is before its start runs past midnight.
 */
public record Schedule(List<Integer> days, List<TimeRange> hours) {
    public record TimeRange(String from, String to) {
        public LocalTime start() {
            return LocalTime.parse(from);
        }

        public LocalTime end() {
            return LocalTime.parse(to);
        }

        public boolean contains(LocalTime t) {
            LocalTime s = start();
            LocalTime e = end();
            if (s.equals(e)) {
                return true;
            }
            return s.isBefore(e) ? !t.isBefore(s) && t.isBefore(e) : !t.isBefore(s) || t.isBefore(e);
        }
    }
}
