package dev.outboundwishlist.template;

import java.util.List;

/**
 * Descriptions of generated resources that name logical ids, kept within the property's limit
 * (a logical id alone may have 255 characters; a security group's description may too).
 */
public final class Descriptions {

    private static final String CUT = "...";

    private Descriptions() {
    }

    /** {@code before + name + after}, the name shortened as needed to keep within {@code limit}. */
    public static String naming(int limit, String before, String name, String after) {
        int room = limit - before.length() - after.length();
        return before + (name.length() <= room ? name : name.substring(0, room - CUT.length()) + CUT) + after;
    }

    /**
     * {@code before + "A, B, C" + after}; where all the names do not fit, as many as do and
     * "and N more".
     */
    public static String listing(int limit, String before, List<String> names, String after) {
        String all = before + String.join(", ", names) + after;
        if (all.length() <= limit) {
            return all;
        }
        for (int shown = names.size() - 1; shown > 0; shown--) {
            String some = before + String.join(", ", names.subList(0, shown)) + " and "
                    + (names.size() - shown) + " more" + after;
            if (some.length() <= limit) {
                return some;
            }
        }
        return before + names.size() + " functions" + after;
    }
}
