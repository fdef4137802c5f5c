package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.statemachine.DefinitionSite;

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

    /** A {@code ${Name}} placeholder, not the {@code ${!Literal}} escape; group 1 is the name. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private Placeholders() {
    }

    /**
     * A value from a definition as the template must name it elsewhere (in a grant, say), so that
     * CloudFormation resolves it the same way: intrinsics and plain text as they are; placeholders
     * through the definition's Fn::Sub, or else its DefinitionSubstitutions; the intrinsics of an
     * Fn::Join definition as they are, joined to their text. Empty when a placeholder cannot be
     * resolved, or is joined with an intrinsic in one value.
     */
    static Optional<JsonNode> templateValue(DefinitionSite site, JsonNode value, ExpansionContext context) {
        if (!value.isTextual()) {
            return Optional.of(value.deepCopy());
        }
        if (site.joinsIntrinsic(value)) {
            return site.joinedValue(value);
        }
        String text = site.display(value.textValue());
        if (!PLACEHOLDER.matcher(text).find()) {
            return Optional.of(JsonNodeFactory.instance.textNode(text));
        }
        if (site.form() == DefinitionSite.Form.SUB) {
            return Optional.of(sub(text, site.subVariables()));
        }
        JsonNode properties = context.resources().path(site.resourceId()).path("Properties");
        return substitute(text, properties.path("DefinitionSubstitutions"));
    }

    /**
     * In a definition written with Fn::Sub, CloudFormation fills the placeholders: so does the grant,
     * with only the variables it uses; a lone placeholder is written as what it stands for.
     */
    static JsonNode sub(String text, JsonNode variables) {
        Set<String> names = names(text);
        ObjectNode used = JsonNodeFactory.instance.objectNode();
        names.stream().filter(variables::has).forEach(name -> used.set(name, variables.get(name).deepCopy()));
        if (names.size() == 1 && text.equals("${" + names.iterator().next() + "}")) {
            String name = names.iterator().next();
            if (used.has(name)) {
                return used.get(name);
            }
            int dot = name.indexOf('.');
            ObjectNode reference = JsonNodeFactory.instance.objectNode();
            if (dot > 0) {
                reference.putArray("Fn::GetAtt").add(name.substring(0, dot)).add(name.substring(dot + 1));
            } else {
                reference.put("Ref", name);
            }
            return reference;
        }
        ObjectNode sub = JsonNodeFactory.instance.objectNode();
        if (used.isEmpty()) {
            sub.put("Fn::Sub", text);
        } else {
            ArrayNode arguments = sub.putArray("Fn::Sub");
            arguments.add(text);
            arguments.add(used);
        }
        return sub;
    }

    private static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Step Functions fills a definition's placeholders from DefinitionSubstitutions: the grant
     * takes the same values (an Fn::Sub over them where the placeholder is part of the ARN).
     * Empty when a placeholder is not among the substitutions.
     */
    static Optional<JsonNode> substitute(String text, JsonNode substitutions) {
        Set<String> names = names(text);
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
