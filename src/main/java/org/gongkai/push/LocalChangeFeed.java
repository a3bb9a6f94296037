package org.gongkai.push;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** In-process change feed: listeners are called on the publishing thread and must hand work off quickly. */
public final class LocalChangeFeed implements ChangeFeed {
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Change change) {
        listeners.forEach(l -> l.accept(change));
    }

    @Override
    public void subscribe(Consumer<Change> listener) {
        listeners.add(listener);
    }
}
