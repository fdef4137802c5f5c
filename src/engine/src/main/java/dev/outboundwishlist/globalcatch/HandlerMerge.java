package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges definition-level catchers (or retriers) into a state's own: the state's own come first;
 * a definition-level one is appended only for the errors the state does not already handle;
 * nothing is appended after a States.ALL, so States.ALL stays last and alone.
 */
final class HandlerMerge {

    private HandlerMerge() {
    }

    /** The merged list; equal to {@code own} when the state already handles every error. */
    static ArrayNode merge(ArrayNode own, ArrayNode definitionLevel) {
        ArrayNode merged = own == null ? JsonNodeFactory.instance.arrayNode() : own.deepCopy();
        Set<String> handled = new HashSet<>();
        for (JsonNode handler : merged) {
            handler.path("ErrorEquals").forEach(name -> handled.add(name.asText()));
        }
        for (JsonNode handler : definitionLevel) {
            if (handled.contains(DefinitionLevelHandlers.ALL)) {
                break;
            }
            List<String> remaining = new ArrayList<>();
            handler.get("ErrorEquals").forEach(name -> {
                if (!handled.contains(name.textValue())) {
                    remaining.add(name.textValue());
                }
            });
            if (remaining.isEmpty()) {
                continue;
            }
            ObjectNode copy = handler.deepCopy();
            ArrayNode errors = copy.putArray("ErrorEquals");
            remaining.forEach(errors::add);
            reorderErrorEqualsFirst(copy);
            merged.add(copy);
            handled.addAll(remaining);
        }
        return merged;
    }

    /** ErrorEquals reads first in a catcher, as people write it. */
    private static void reorderErrorEqualsFirst(ObjectNode handler) {
        JsonNode errors = handler.remove("ErrorEquals");
        ObjectNode rest = handler.deepCopy();
        handler.removeAll();
        handler.set("ErrorEquals", errors);
        handler.setAll(rest);
    }
}
