package dev.outboundwishlist.engine;

import dev.outboundwishlist.pending.PendingExtensions;

import java.util.List;

/** The extensions this version runs, in the order they expand. */
final class Extensions {

    private Extensions() {
    }

    static List<Extension> all() {
        return List.of(new PendingExtensions());
    }
}
