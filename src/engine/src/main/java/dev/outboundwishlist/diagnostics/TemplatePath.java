package dev.outboundwishlist.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a value sits in a template: map keys and list indexes from the root, printed the way
 * CloudFormation users read them, e.g. {@code Resources/Worker/Properties/Timeout}.
 */
public final class TemplatePath {

    public static final TemplatePath ROOT = new TemplatePath(List.of());

    private final List<Object> segments;

    private TemplatePath(List<Object> segments) {
        this.segments = segments;
    }

    public static TemplatePath of(Object... segments) {
        TemplatePath path = ROOT;
        for (Object segment : segments) {
            path = segment instanceof Integer index ? path.index(index) : path.key((String) segment);
        }
        return path;
    }

    public TemplatePath key(String key) {
        return append(key);
    }

    public TemplatePath index(int index) {
        return append(index);
    }

    private TemplatePath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new TemplatePath(Collections.unmodifiableList(longer));
    }

    /** This path followed by {@code suffix}'s segments. */
    public TemplatePath concat(TemplatePath suffix) {
        if (suffix.isRoot()) {
            return this;
        }
        List<Object> longer = new ArrayList<>(segments);
        longer.addAll(suffix.segments);
        return new TemplatePath(Collections.unmodifiableList(longer));
    }

    public List<Object> segments() {
        return segments;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public TemplatePath parent() {
        if (isRoot()) {
            return this;
        }
        return new TemplatePath(segments.subList(0, segments.size() - 1));
    }

    public boolean startsWith(TemplatePath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplatePath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(template)";
        }
        // A path hundreds of levels deep is shown by its ends.
        List<Object> shown = segments.size() <= 24 ? segments : new ArrayList<>(segments.subList(0, 12));
        if (shown != segments) {
            shown.add("…");
            shown.addAll(segments.subList(segments.size() - 8, segments.size()));
        }
        StringBuilder text = new StringBuilder();
        for (Object segment : shown) {
            if (text.length() > 0) {
                text.append('/');
            }
            text.append(segment);
        }
        return text.toString();
    }
}
