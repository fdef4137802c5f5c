package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.statemachine.DefinitionSite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites a task to call its state machine's cross-account helper: the helper becomes the
 * task's Resource (a Lambda function, so the task's result is what the helper returns, in the
 * shape of the original integration), and the role, the original integration, its parameters,
 * an optional Region and the execution's name become the helper's input. Everything else on the
 * state (ResultSelector, ResultPath, Retry, Catch, ...) is kept.
 */
final class HelperCall {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HelperCall() {
    }

    /** How a definition written in this form names the helper's ARN. */
    static JsonNode reference(DefinitionSite site, HelperFunction helper, ExpansionContext context) {
        return switch (site.form()) {
            case OBJECT, FILE -> helper.arn();
            case SUB -> NODES.textNode("${" + helper.functionId() + ".Arn}");
            case STRING, JOIN -> {
                ObjectNode properties = (ObjectNode) context.resources().get(site.resourceId()).get("Properties");
                JsonNode existing = properties.get("DefinitionSubstitutions");
                ObjectNode substitutions = existing instanceof ObjectNode object ? object
                        : properties.putObject("DefinitionSubstitutions");
                substitutions.set(helper.functionId(), helper.arn());
                yield NODES.textNode("${" + helper.functionId() + "}");
            }
        };
    }

    static void rewrite(TaskRoleUse use, JsonNode helperArn) {
        ObjectNode state = use.state();
        String argumentsKey = use.jsonata() ? "Arguments" : "Parameters";
        ObjectNode input = NODES.objectNode();
        input.set(use.key(), use.value());
        input.set("Integration", state.get("Resource"));
        String service = state.path("Resource").isTextual() ? BotoServices.of(state.get("Resource").textValue()) : null;
        if (service != null) {
            input.put("Service", service);
        }
        for (String region : new String[] {"Region", "Region.$"}) {
            if (state.has(region)) {
                input.set(region, state.get(region));
            }
        }
        if (state.has(argumentsKey)) {
            input.set("Parameters", state.get(argumentsKey));
        } else if (use.jsonata()) {
            input.put("Parameters", "{% $states.input %}"); // a task without Arguments sends its input
        } else {
            input.put("Parameters.$", "$"); // a task without Parameters sends its (InputPath-filtered) input
        }
        if (use.jsonata()) {
            input.put("SessionName", "{% $states.context.Execution.Name %}");
        } else {
            input.put("SessionName.$", "$$.Execution.Name");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        state.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        state.removeAll();
        fields.forEach((key, value) -> {
            if (key.equals("Resource")) {
                state.set("Resource", helperArn);
                state.set(argumentsKey, input);
            } else if (!key.equals(use.key()) && !key.equals("Region") && !key.equals("Region.$")
                    && !key.equals(argumentsKey)) {
                state.set(key, value);
            }
        });
    }
}
