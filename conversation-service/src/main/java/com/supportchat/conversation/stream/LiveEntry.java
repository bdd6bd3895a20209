package com.supportchat.conversation.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import com.supportchat.conversation.thread.Entry;

/**
 * An entry on its way to the streams. One instance per published entry goes to every stream it is delivered to,
 * so what the streams make of it (its JSON, its whole SSE event) is made once, by the first stream that asks, and
 * shared with the others, instead of once per stream on the fan-out listener's thread. The renderings live as long
 * as the entry is buffered for a stream: there is no cache beyond that.
 */
public final class LiveEntry {

    private final Entry entry;
    // guarded by this; one key per distinct view, in practice the org streams' and one widget label
    private Map<Object, Object> renderings;

    LiveEntry(Entry entry) {
        this.entry = entry;
    }

    public Entry entry() {
        return entry;
    }

    /**
     * What {@code render} makes of the entry for {@code key}: rendered by the first caller, the same object for
     * every later caller with an equal key. Streams drain on different threads, so callers may arrive at once;
     * the others wait for the first one's result rather than render it again. A key stands for one rendering, of
     * one type.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T render(Object key, Function<? super Entry, ? extends T> render) {
        if (renderings == null) {
            renderings = new HashMap<>(4);
        }
        return (T) renderings.computeIfAbsent(key, k -> render.apply(entry));
    }
}
