package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of a mapping that keep its order, so an expanded template reads like the one written:
 * a replaced entry stays where the old one was, and a new one goes where a person would put it.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Replaces the entry {@code oldKey} by {@code newKey: value} in the same place. */
    public static void replace(ObjectNode object, String oldKey, String newKey, JsonNode value) {
        Map<String, JsonNode> fields = entries(object);
        object.removeAll();
        fields.forEach((key, old) -> object.set(key.equals(oldKey) ? newKey : key, key.equals(oldKey) ? value : old));
    }

    /** Puts {@code key: value} before the first of {@code anchors} present, or at the end. */
    public static void insertBefore(ObjectNode object, String key, JsonNode value, List<String> anchors) {
        Map<String, JsonNode> fields = entries(object);
        object.removeAll();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            if (!placed && anchors.contains(field.getKey())) {
                object.set(key, value);
                placed = true;
            }
            object.set(field.getKey(), field.getValue());
        }
        if (!placed) {
            object.set(key, value);
        }
    }

    /** Puts {@code key: value} right after the entry {@code afterKey}, or at the end. */
    public static void insertAfter(ObjectNode object, String afterKey, String key, JsonNode value) {
        Map<String, JsonNode> fields = entries(object);
        object.removeAll();
        fields.forEach((name, old) -> {
            object.set(name, old);
            if (name.equals(afterKey)) {
                object.set(key, value);
            }
        });
        if (!object.has(key)) {
            object.set(key, value);
        }
    }

    private static Map<String, JsonNode> entries(ObjectNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
