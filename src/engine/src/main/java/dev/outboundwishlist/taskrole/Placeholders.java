package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role written with {@code ${Name}} placeholders, turned into what the execution role's
 * policy must name: the same role, resolved by CloudFormation at the same time as the definition.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private Placeholders() {
    }

    /** In a definition written with Fn::Sub, CloudFormation fills the placeholders: so does the grant. */
    static JsonNode sub(String text, JsonNode variables) {
        ObjectNode sub = JsonNodeFactory.instance.objectNode();
        if (variables == null || variables.isEmpty()) {
            sub.put("Fn::Sub", text);
        } else {
            ArrayNode arguments = sub.putArray("Fn::Sub");
            arguments.add(text);
            arguments.add(variables.deepCopy());
        }
        return sub;
    }

    /**
     * Step Functions fills a definition's placeholders from DefinitionSubstitutions: the grant
     * takes the same values (an Fn::Sub over them where the placeholder is part of the ARN).
     * Empty when a placeholder is not among the substitutions.
     */
    static Optional<JsonNode> substitute(String text, JsonNode substitutions) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        if (!substitutions.isObject() || !names.stream().allMatch(substitutions::has)) {
            return Optional.empty();
        }
        if (names.size() == 1 && text.equals("${" + names.iterator().next() + "}")) {
            return Optional.of(substitutions.get(names.iterator().next()).deepCopy());
        }
        if (names.stream().allMatch(name -> substitutions.get(name).isValueNode())) {
            String literal = text;
            for (String name : names) {
                literal = literal.replace("${" + name + "}", substitutions.get(name).asText());
            }
            return Optional.of(JsonNodeFactory.instance.textNode(literal));
        }
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        names.forEach(name -> variables.set(name, substitutions.get(name).deepCopy()));
        return Optional.of(sub(text, variables));
    }
}
