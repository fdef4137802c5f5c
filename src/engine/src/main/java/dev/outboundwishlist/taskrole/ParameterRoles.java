package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A task role given by a parameter ({@code !Ref P}, or {@code !Sub} of parameters), checked as a
 * written ARN once its value is known: the value passed (the CLI's --parameter, or what
 * CloudFormation passes the macro), else the parameter's Default. Else the grant could name
 * {@code *} unseen. A NoEcho parameter's value is checked but never shown.
 */
final class ParameterRoles {

    private ParameterRoles() {
    }

    static Optional<RoleArns.Problem> problem(JsonNode value, ExpansionContext context) {
        JsonNode parameters = context.root().path("Parameters");
        List<String> names = referencedNames(value);
        if (names.stream().noneMatch(parameters::has)) {
            return Optional.empty();
        }
        Optional<String> resolved = KnownValues.resolve(value, withDefaults(parameters, context.environment()));
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        boolean secret = names.stream()
                .anyMatch(name -> parameters.path(name).path("NoEcho").asText().equalsIgnoreCase("true"));
        return RoleArns.problem(resolved.get(), context.environment().partition()).map(p -> new RoleArns.Problem(
                p.code(), "is " + Intrinsics.brief(value) + ", whose value "
                        + (secret ? "(NoEcho, not shown)" : "'" + resolved.get() + "'") + " here " + p.message()));
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

    /** The names a {@code !Ref} or a {@code !Sub} string refers to. */
    private static List<String> referencedNames(JsonNode value) {
        if (value.path("Ref").isTextual()) {
            return List.of(value.get("Ref").textValue());
        }
        List<String> names = new ArrayList<>();
        if (value.path("Fn::Sub").isTextual()) {
            Matcher matcher = Placeholders.PLACEHOLDER.matcher(value.get("Fn::Sub").textValue());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
