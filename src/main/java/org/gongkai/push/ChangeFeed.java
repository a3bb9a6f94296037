package org.gongkai.push;

import java.util.function.Consumer;

/**
 * How the push hub learns of commits. Services publish after their transaction commits. A single node uses
 * {@link LocalChangeFeed}; several nodes can share one by polling content_changes or PostgreSQL LISTEN/NOTIFY,
 * without the hub changing.
 */
public interface ChangeFeed {
    void publish(Change change);

    void subscribe(Consumer<Change> listener);
}
