package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.loops.ForEachLoops;
import dev.outboundwishlist.template.Excerpt;
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

    /** The fence copies a function's Condition onto what it builds: a wrong one would fail there too. */
    static void check(ExpansionContext context, String functionId) {
        JsonNode condition = context.resources().path(functionId).get("Condition");
        if (condition == null) {
            return;
        }
        TemplatePath path = TemplatePath.of("Resources", functionId, "Condition");
        JsonNode conditions = context.root().path("Conditions");
        // A loop of AWS::LanguageExtensions may make the condition; the tool cannot expand it to see.
        boolean loops = context.transforms().contains(ForEachLoops.LANGUAGE_EXTENSIONS) && conditions.isObject()
                && conditions.properties().stream().anyMatch(entry -> entry.getKey().startsWith(ForEachLoops.LOOP));
        if (!condition.isTextual()) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path, "must be the name of a "
                    + "condition in Conditions, not " + Excerpt.describe(condition)
                    + "; the fence's resources carry it too");
        } else if (!conditions.has(condition.textValue()) && !loops) {
            context.diagnostics().report(DiagnosticCode.INVALID_NETWORK_ACCESS, path, "names "
                    + Excerpt.describe(condition) + ", which is not a condition in Conditions; the fence's resources "
                    + "carry it too, so name one that is defined");
        }
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
        return anyOf(context, plan.functions().stream().map(NetworkPlan.Function::id).toList(), "FencedFunctionExists");
    }

    /** The conditions the given functions carry, or empty when one of them has none. */
    static Optional<Set<String>> conditionsOf(ExpansionContext context, List<String> functionIds) {
        Set<String> conditions = new LinkedHashSet<>();
        for (String id : functionIds) {
            Optional<String> condition = of(context, id);
            if (condition.isEmpty()) {
                return Optional.empty();
            }
            conditions.add(condition.get());
        }
        return Optional.of(conditions);
    }

    /**
     * A condition true exactly when at least one of the functions exists: none when one of them
     * is unconditional, their one condition when they share it, or a new Fn::Or named {@code name}.
     */
    static Optional<String> anyOf(ExpansionContext context, List<String> functionIds, String name) {
        Optional<Set<String>> conditions = conditionsOf(context, functionIds);
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        if (conditions.get().size() == 1) {
            return Optional.of(conditions.get().iterator().next());
        }
        List<JsonNode> each = new ArrayList<>();
        conditions.get().forEach(condition -> each.add(NODES.objectNode().put("Condition", condition)));
        String id = context.logicalIds().allocate(name);
        // Validation made sure each condition is defined, so the section exists.
        ((ObjectNode) context.root().get("Conditions")).set(id, or(each));
        return Optional.of(id);
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
