package org.gongkai.ime;

import io.javalin.http.Context;
import org.gongkai.web.ApiException;
import org.gongkai.web.Requests;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET /api/ime?pinyin=zhengfu[&limit=30]: the touchscreen keyboard's candidates for letters typed. The dictionary
 * is read on the first request, off the start-up path (screens do not need it to play); that request waits for it.
 * The office's own words (the search synonyms: 低保, 医保, 公积金) are added to it as words much used.
 */
public final class ImeRoutes {
    private static final int WAIT_SECONDS = 20;
    /** One per process and vocabulary: a dictionary never changes once read. */
    private static final java.util.Map<java.util.Set<String>, CompletableFuture<PinyinInput>> LOADED = new java.util.HashMap<>();
    private final java.util.Set<String> ownWords;

    public ImeRoutes(java.util.Set<String> ownWords) {
        this.ownWords = java.util.Set.copyOf(ownWords);
    }

    public void candidates(Context ctx) {
        String letters = ctx.queryParam("pinyin") == null ? "" : ctx.queryParam("pinyin").strip().toLowerCase(Locale.ROOT);
        Requests.require(PinyinInput.LETTERS.matcher(letters).matches(), "pinyin",
                "must be 1 to 40 letters a-z without tones or spaces (ü as v), e.g. zhengfu");
        int limit = Requests.intQuery(ctx, "limit", 30, 1, 60);
        ctx.header("Cache-Control", "no-store"); // the letters are what a citizen typed: no cache keeps them
        ctx.json(Map.of("pinyin", letters, "candidates", dictionary().candidates(letters, limit)));
    }

    private PinyinInput dictionary() {
        CompletableFuture<PinyinInput> loading;
        synchronized (LOADED) {
            loading = LOADED.get(ownWords);
            if (loading == null || loading.isCompletedExceptionally()) {
                loading = CompletableFuture.supplyAsync(() -> PinyinInput.load(ownWords), ImeRoutes::daemon);
                LOADED.put(ownWords, loading);
            }
        }
        try {
            return loading.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(503, "the pinyin dictionary is still loading; try again in a few seconds", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while the pinyin dictionary loaded", null);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the pinyin dictionary could not be read", e.getCause());
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "pinyin-dictionary");
        t.setDaemon(true);
        t.start();
    }
}
