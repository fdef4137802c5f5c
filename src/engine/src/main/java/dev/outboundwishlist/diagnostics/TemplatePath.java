package dev.outboundwishlist.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where a value sits in a template: map keys and list indexes from the root, printed the way
 * CloudFormation users read them, e.g. {@code Resources/Worker/Properties/Timeout}.
 */
public final class TemplatePath {

    public static final TemplatePath ROOT = new TemplatePath(null, null);
    private static final int MAX_SHOWN_KEY = 80;

    /**
     * A path shares its ancestors (parent, then one segment), so extending one costs the same at
     * any depth: walks over large definitions build a path for every state they visit.
     */
    private final TemplatePath parent;
    private final Object segment;
    private final int size;
    /** As {@link List#hashCode()} of the segments, built one segment at a time. */
    private final int hash;
    private List<Object> segments;

    private TemplatePath(TemplatePath parent, Object segment) {
        this.parent = parent;
        this.segment = segment;
        this.size = parent == null ? 0 : parent.size + 1;
        this.hash = parent == null ? 1 : 31 * parent.hash + segment.hashCode();
    }

    public static TemplatePath of(Object... segments) {
        TemplatePath path = ROOT;
        for (Object segment : segments) {
            path = segment instanceof Integer index ? path.index(index) : path.key((String) segment);
        }
        return path;
    }

    public TemplatePath key(String key) {
        return new TemplatePath(this, key);
    }

    public TemplatePath index(int index) {
        return new TemplatePath(this, index);
    }

    /** This path followed by {@code suffix}'s segments. */
    public TemplatePath concat(TemplatePath suffix) {
        TemplatePath path = this;
        for (Object segment : suffix.segments()) {
            path = new TemplatePath(path, segment);
        }
        return path;
    }

    /** Keys (String) and indexes (Integer) from the root. */
    public List<Object> segments() {
        List<Object> list = segments;
        if (list == null) {
            Object[] items = new Object[size];
            TemplatePath path = this;
            for (int i = size - 1; i >= 0; i--) {
                items[i] = path.segment;
                path = path.parent;
            }
            list = Collections.unmodifiableList(Arrays.asList(items));
            segments = list;
        }
        return list;
    }

    public boolean isRoot() {
        return size == 0;
    }

    public TemplatePath parent() {
        return isRoot() ? this : parent;
    }

    public boolean startsWith(TemplatePath prefix) {
        TemplatePath path = this;
        while (path.size > prefix.size) {
            path = path.parent;
        }
        return path.equals(prefix);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TemplatePath path) || path.size != size || path.hash != hash) {
            return false;
        }
        for (TemplatePath a = this, b = path; a != b; a = a.parent, b = b.parent) {
            if (!a.segment.equals(b.segment)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A key of thousands of characters (a hostile logical id) is shown by its start. */
    private static Object shortened(Object segment) {
        return segment instanceof String key && key.length() > MAX_SHOWN_KEY
                ? key.substring(0, MAX_SHOWN_KEY - 1) + "…" : segment;
    }

    @Override
    public String toString() {
        if (isRoot()) {
            return "(template)";
        }
        // A path hundreds of levels deep is shown by its ends.
        List<Object> segments = segments();
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
            text.append(shortened(segment));
        }
        return text.toString();
    }
}
