package org.segmint.app.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which factory builds which page. SegmintApp registers the standard pages; a page with no factory
 * shows a short note in its place.
 */
public final class Pages {
    private final Map<PageId, PageFactory> factories = new EnumMap<>(PageId.class);

    public Pages register(PageId id, PageFactory factory) {
        factories.put(id, factory);
        return this;
    }

    public Optional<PageFactory> factory(PageId id) {
        return Optional.ofNullable(factories.get(id));
    }
}
