package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges definition-level catchers (or retriers) into a state's own: the state's own come first;
 * a definition-level one is appended only for the errors the state does not already handle;
 * nothing is appended after a States.ALL, so States.ALL stays last and alone.
 * One merge serves every state of a scope: the definition-level list is put in order once.
 */
final class HandlerMerge {

    /** The definition-level handlers, each with ErrorEquals first, as people write it. */
    private final List<ObjectNode> definitionLevel = new ArrayList<>();
    /** The list a state without handlers of its own gets. */
    private final ArrayNode alone;
    /** Positions of definition-level handlers whose every error an earlier one takes: they never match. */
    private final List<Integer> shadowed = new ArrayList<>();

    HandlerMerge(ArrayNode definitionLevel) {
        for (JsonNode handler : definitionLevel) {
            this.definitionLevel.add(errorEqualsFirst((ObjectNode) handler));
        }
        alone = mergeInto(JsonNodeFactory.instance.arrayNode());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < this.definitionLevel.size(); i++) {
            Set<String> errors = new HashSet<>();
            this.definitionLevel.get(i).get("ErrorEquals").forEach(name -> errors.add(name.textValue()));
            if (taken.containsAll(errors)) {
                shadowed.add(i);
            }
            taken.addAll(errors);
        }
    }

    List<Integer> shadowed() {
        return shadowed;
    }

    /** The merged list, a tree of its own; equal to {@code own} when the state already handles every error. */
    ArrayNode merge(ArrayNode own) {
        return own == null ? alone.deepCopy() : mergeInto(own.deepCopy());
    }

    /** Whether merging adds anything to {@code own} (null: the state has no list of its own). */
    boolean addsTo(ArrayNode own) {
        return own == null ? !alone.isEmpty() : merge(own).size() > own.size();
    }

    private ArrayNode mergeInto(ArrayNode merged) {
        Set<String> handled = new HashSet<>();
        for (JsonNode handler : merged) {
            handler.path("ErrorEquals").forEach(name -> handled.add(name.asText()));
        }
        for (ObjectNode handler : definitionLevel) {
            if (handled.contains(DefinitionLevelHandlers.ALL)) {
                break;
            }
            // A name written twice is kept once.
            Set<String> remaining = new LinkedHashSet<>();
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
            merged.add(copy);
            handled.addAll(remaining);
        }
        return merged;
    }

    private static ObjectNode errorEqualsFirst(ObjectNode handler) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.set("ErrorEquals", handler.get("ErrorEquals").deepCopy());
        handler.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("ErrorEquals")) {
                ordered.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return ordered;
    }
}
