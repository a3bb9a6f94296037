package org.gongkai.plays;

import java.time.OffsetDateTime;

/** One showing of an item on a screen, as the screen reported it. */
public record Play(String screenId, long itemId, Integer itemVersion, OffsetDateTime startedAt, int durationMs,
                   OffsetDateTime receivedAt) {}
