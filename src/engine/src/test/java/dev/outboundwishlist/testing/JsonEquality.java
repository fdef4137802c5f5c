package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/** JSON document equality where numbers compare by value (1e3 equals 1.0E+3), as JSON defines them. */
public final class JsonEquality {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonEquality() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
