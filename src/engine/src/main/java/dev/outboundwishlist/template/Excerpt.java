package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Shortens user values quoted in messages, so an error never echoes a whole payload. */
public final class Excerpt {

    private static final int MAX = 60;

    private Excerpt() {
    }

    /** A value as a message names it: a short quoted excerpt, a number, a list, a mapping or an intrinsic. */
    public static String describe(JsonNode node) {
        if (Intrinsics.isIntrinsic(node)) {
            return "the intrinsic function " + node.fieldNames().next();
        }
        if (node.isTextual()) {
            return "'" + of(node.textValue()) + "'";
        }
        if (node.isValueNode()) {
            return of(node.asText());
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    public static String of(String value) {
        String oneLine = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
    }
}
