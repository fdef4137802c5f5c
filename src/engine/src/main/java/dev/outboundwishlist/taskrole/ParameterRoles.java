package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A task role given by parameters, mappings or conditions ({@code !Ref P}, {@code !Sub} or
 * {@code !Join} of parameters, {@code !If}, {@code !FindInMap}, {@code !Select}), checked as a
 * written ARN in every value the template tells it may take ({@link KnownValues#possible}): a
 * parameter's value passed (the CLI's --parameter, or what CloudFormation passes the macro), else
 * its Default and each of its AllowedValues; each branch, each mapping entry or list item that
 * could be chosen. Else the grant could name {@code *} unseen. A NoEcho parameter's value is
 * checked but never shown.
 */
final class ParameterRoles {

    private ParameterRoles() {
    }

    static Optional<RoleArns.Problem> problem(JsonNode value, ExpansionContext context) {
        JsonNode parameters = context.root().path("Parameters");
        List<String> names = new ArrayList<>();
        referencedNames(value, names);
        Environment stack = withDefaults(parameters, context.environment());
        Set<String> found = new LinkedHashSet<>();
        for (Environment variant : variants(stack, parameters, names, context.environment())) {
            found.addAll(KnownValues.possible(value, variant, context.root().path("Mappings")));
        }
        List<String> values = List.copyOf(found);
        boolean secret = names.stream()
                .anyMatch(name -> parameters.path(name).path("NoEcho").asText().equalsIgnoreCase("true"));
        for (String possible : values) {
            Optional<RoleArns.Problem> problem = RoleArns.problem(possible, context.environment().partition());
            if (problem.isPresent()) {
                return problem.map(p -> new RoleArns.Problem(p.code(), "is " + Intrinsics.brief(value)
                        + ", whose value " + (values.size() > 1 ? "may be " : "")
                        + (secret ? "(NoEcho, not shown)" : "'" + possible + "'") + " here " + p.message()));
            }
        }
        return Optional.empty();
    }

    /**
     * The stack as the macro knows it, with each parameter's Default where no value was passed. An
     * SSM parameter's value is a Parameter Store name, not the role, so it stays unknown.
     */
    private static Environment withDefaults(JsonNode parameters, Environment environment) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.properties().forEach(parameter -> {
            JsonNode fallback = parameter.getValue().path("Default");
            if (fallback.isValueNode()) {
                values.put(parameter.getKey(), fallback.asText());
            }
        });
        values.putAll(environment.parameterValues());
        parameters.properties().forEach(parameter -> {
            if (parameter.getValue().path("Type").asText().startsWith("AWS::SSM::Parameter::")) {
                values.remove(parameter.getKey());
            }
        });
        return new Environment(environment.region(), environment.accountId(), values, environment.macroEvent());
    }

    /**
     * The stack, and for each parameter the value names whose value was not passed, the stack with
     * each of its AllowedValues instead of its Default: every value the template says it may take.
     */
    private static List<Environment> variants(Environment stack, JsonNode parameters, List<String> names,
                                              Environment passed) {
        List<Environment> variants = new ArrayList<>(List.of(stack));
        for (String name : new LinkedHashSet<>(names)) {
            JsonNode allowed = parameters.path(name).path("AllowedValues");
            if (passed.parameterValues().containsKey(name) || !allowed.isArray()) {
                continue;
            }
            for (JsonNode choice : allowed) {
                Map<String, String> values = new LinkedHashMap<>(stack.parameterValues());
                values.put(name, choice.asText());
                variants.add(new Environment(stack.region(), stack.accountId(), values, stack.macroEvent()));
            }
        }
        return variants;
    }

    /** The names every {@code !Ref} and {@code !Sub} string within the value refers to. */
    private static void referencedNames(JsonNode value, List<String> names) {
        if (value.path("Ref").isTextual()) {
            names.add(value.get("Ref").textValue());
        }
        JsonNode sub = value.path("Fn::Sub");
        JsonNode text = sub.isArray() ? sub.path(0) : sub;
        if (text.isTextual()) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(text.textValue());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        value.forEach(child -> referencedNames(child, names));
    }
}
