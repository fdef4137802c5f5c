package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.JsonFields;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fenced functions that have a {@code Condition}: what is built for one function alone carries
 * its condition, and the shared network exists exactly when at least one fenced function does
 * (when every one of them is conditional; otherwise it always exists).
 */
final class NetworkConditions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fn::Or takes from 2 to 10 conditions. */
    private static final int MAX_OR = 10;

    private NetworkConditions() {
    }

    /** The condition of one function's resources, if the function has one. */
    static Optional<String> of(ExpansionContext context, String functionId) {
        JsonNode condition = context.resources().path(functionId).get("Condition");
        return condition != null && condition.isTextual() ? Optional.of(condition.textValue()) : Optional.empty();
    }

    /**
     * The condition of the shared network: none when some fenced function is unconditional, the
     * functions' one condition when they share it, or a new condition that is their Fn::Or.
     */
    static Optional<String> shared(ExpansionContext context, NetworkPlan plan) {
        Set<String> conditions = new LinkedHashSet<>();
        for (NetworkPlan.Function function : plan.functions()) {
            Optional<String> condition = of(context, function.id());
            if (condition.isEmpty()) {
                return Optional.empty();
            }
            conditions.add(condition.get());
        }
        if (conditions.size() == 1) {
            return Optional.of(conditions.iterator().next());
        }
        List<JsonNode> each = new ArrayList<>();
        conditions.forEach(name -> each.add(NODES.objectNode().put("Condition", name)));
        String name = context.logicalIds().allocate("FencedFunctionExists");
        ObjectNode section = context.root().get("Conditions") instanceof ObjectNode existing ? existing
                : NODES.objectNode();
        if (!context.root().has("Conditions")) {
            JsonFields.insertBefore(context.root(), "Conditions", section, List.of("Resources"));
        }
        section.set(name, or(each));
        return Optional.of(name);
    }

    /** The resource with {@code Condition} right after its {@code Type}, where people look for it. */
    static ObjectNode conditional(ObjectNode resource, Optional<String> condition) {
        condition.ifPresent(name -> JsonFields.insertAfter(resource, "Type", "Condition", NODES.textNode(name)));
        return resource;
    }

    /** Fn::Or over any number of conditions, nested in groups of at most ten. */
    private static JsonNode or(List<JsonNode> conditions) {
        if (conditions.size() <= MAX_OR) {
            ObjectNode or = NODES.objectNode();
            ArrayNode items = or.putArray("Fn::Or");
            conditions.forEach(items::add);
            return or;
        }
        List<JsonNode> groups = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i += MAX_OR) {
            List<JsonNode> group = conditions.subList(i, Math.min(i + MAX_OR, conditions.size()));
            groups.add(group.size() == 1 ? group.get(0) : or(group));
        }
        return or(groups);
    }
}
