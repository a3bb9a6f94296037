package org.gongkai.screens;

import org.gongkai.accounts.Secrets;
import org.gongkai.push.Change;
import org.gongkai.push.ChangeFeed;
import org.gongkai.web.ApiException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Screen identity: registration of unknown screens as pending (within the bound {@link PendingScreens} keeps),
 * pairing by code, regrouping and retiring.
 */
public final class ScreenService {
    private final ScreenStore store;
    private final ChangeFeed feed;
    private final Clock clock;
    private final PendingScreens pending;

    public ScreenService(ScreenStore store, ChangeFeed feed, Clock clock, PendingScreens pending) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.pending = pending;
    }

    public record Registration(Screen screen, String secret) {}

    /** @throws PendingScreens.TooMany when as many screens as allowed already wait to be paired */
    public Registration register(String kind) {
        pending.reserve();
        String id = "scr_" + Secrets.token(9);
        String secret = Secrets.token(24);
        for (int attempt = 0; attempt < 50; attempt++) {
            String code = String.format("%06d", Secrets.randomInt(1_000_000));
            if (store.pairingCodeTaken(code)) continue;
            try {
                store.insertPending(id, Secrets.sha256(secret), kind, code, OffsetDateTime.now(clock));
                return new Registration(store.find(id).orElseThrow(), secret);
            } catch (RuntimeException raceOnCode) {
                if (store.find(id).isPresent()) throw raceOnCode;
            }
        }
        throw new IllegalStateException("no free pairing code");
    }

    /** The screen if the secret is the one it was given at registration. */
    public Optional<Screen> authenticate(String id, String secret) {
        if (id == null || secret == null || id.length() > 40) return Optional.empty();
        Optional<String> hash = store.secretHash(id);
        if (hash.isEmpty() || !Secrets.sameHash(hash.get(), Secrets.sha256(secret))) return Optional.empty();
        return store.find(id);
    }

    public Screen pair(String pairingCode, String name, String group) {
        requireGroup(group);
        Screen screen = store.findByPairingCode(pairingCode == null ? "" : pairingCode.strip())
                .orElseThrow(() -> new ApiException(404, "no screen is waiting with pairing code '" + pairingCode + "'", "code"));
        store.pair(screen.id(), name, group);
        feed.publish(new Change.Screen(screen.id()));
        return store.find(screen.id()).orElseThrow();
    }

    public Screen update(String id, String name, String group, String status) {
        Screen screen = store.find(id).orElseThrow(() -> ApiException.notFound("screen " + id));
        String newGroup = group == null ? screen.group() : group;
        String newStatus = status == null ? screen.status() : status;
        if (!newStatus.equals(screen.status())) {
            if (!newStatus.equals("retired") && !newStatus.equals("active")) {
                throw ApiException.badRequest("status", "status must be active or retired");
            }
            if (screen.status().equals("pending")) {
                throw ApiException.conflict("status", "screen " + id + " is waiting to be paired; pair it with its code first");
            }
        }
        if (newGroup != null) requireGroup(newGroup);
        store.update(id, name == null ? screen.name() : name, newGroup, newStatus);
        feed.publish(new Change.Screen(id));
        return store.find(id).orElseThrow();
    }

    public void groupChanged(String code) {
        feed.publish(new Change.Group(code));
    }

    private void requireGroup(String group) {
        if (group == null || !store.groupExists(group)) {
            throw ApiException.badRequest("group", "unknown screen group '" + group + "'");
        }
    }
}
