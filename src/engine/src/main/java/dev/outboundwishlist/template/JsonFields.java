package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Edits of a mapping that keep its order, so an expanded template reads like the one written:
 * a replaced entry stays where the old one was, and a new one goes where a person would put it.
 * Only the entries after the edit are moved (removed and put back at the end), so an edit near
 * the end of a mapping, the usual case, costs little however large the mapping is.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Replaces the entry {@code oldKey} by {@code newKey: value} in the same place. */
    public static void replace(ObjectNode object, String oldKey, String newKey, JsonNode value) {
        if (!object.has(oldKey)) {
            return;
        }
        List<Map.Entry<String, JsonNode>> tail = removeFrom(object, oldKey::equals);
        object.set(newKey, value);
        putBack(object, tail.subList(1, tail.size()));
    }

    /** Puts {@code key: value} before the first of {@code anchors} present, or at the end. */
    public static void insertBefore(ObjectNode object, String key, JsonNode value, List<String> anchors) {
        List<Map.Entry<String, JsonNode>> tail = removeFrom(object, anchors::contains);
        object.set(key, value);
        putBack(object, tail);
    }

    /** Puts {@code key: value} right after the entry {@code afterKey}, or at the end. */
    public static void insertAfter(ObjectNode object, String afterKey, String key, JsonNode value) {
        boolean[] seen = {false};
        List<Map.Entry<String, JsonNode>> tail = removeFrom(object, name -> {
            boolean after = seen[0];
            seen[0] |= name.equals(afterKey);
            return after;
        });
        object.set(key, value);
        putBack(object, tail);
    }

    /** Removes the entries from the first whose key {@code starts} the tail to the end, and returns them. */
    private static List<Map.Entry<String, JsonNode>> removeFrom(ObjectNode object, Predicate<String> starts) {
        List<Map.Entry<String, JsonNode>> tail = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!tail.isEmpty() || starts.test(field.getKey())) {
                tail.add(Map.entry(field.getKey(), field.getValue()));
            }
        }
        tail.forEach(field -> object.remove(field.getKey()));
        return tail;
    }

    private static void putBack(ObjectNode object, List<Map.Entry<String, JsonNode>> fields) {
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
    }
}
