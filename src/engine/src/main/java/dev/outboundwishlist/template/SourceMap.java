package dev.outboundwishlist.template;

import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Line and column of every value read from a file, by path. A map entry is found at its key,
 * a list item at its first character. Paths created later (generated values) have no position
 * of their own and report their nearest ancestor's.
 */
public final class SourceMap {

    public static final SourceMap NONE = new SourceMap();

    private final Map<TemplatePath, SourcePosition> positions = new HashMap<>();

    void record(TemplatePath path, SourcePosition position) {
        positions.putIfAbsent(path, position);
    }

    public Optional<SourcePosition> exact(TemplatePath path) {
        return Optional.ofNullable(positions.get(path));
    }

    public Optional<SourcePosition> nearest(TemplatePath path) {
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        TemplatePath current = path;
        while (true) {
            SourcePosition found = positions.get(current);
            if (found != null) {
                return Optional.of(found);
            }
            if (current.isRoot()) {
                // A missing section (no Transform, no Resources) is placed at the top of the file.
                return Optional.of(new SourcePosition(1, 1));
            }
            current = current.parent();
        }
    }
}
