package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network Firewall names deploy whatever the stack is called: each name the expansion added,
 * worked out for a stack whose name has CloudFormation's greatest length (128), keeps Network
 * Firewall's limit of 128 letters, digits and hyphens. Descriptions that name logical ids keep
 * their resource type's limit however long the ids.
 */
public final class GeneratedNames {

    static final String LONGEST_STACK_NAME = "s".repeat(128);
    static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/" + LONGEST_STACK_NAME
            + "/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    private static final Map<String, String> NAMED = Map.of(
            "AWS::NetworkFirewall::Firewall", "FirewallName",
            "AWS::NetworkFirewall::FirewallPolicy", "FirewallPolicyName",
            "AWS::NetworkFirewall::RuleGroup", "RuleGroupName");

    private static final Map<String, Map.Entry<String, Integer>> DESCRIBED = Map.of(
            "AWS::EC2::SecurityGroup", Map.entry("GroupDescription", 255),
            "AWS::NetworkFirewall::RuleGroup", Map.entry("Description", 512),
            "AWS::Lambda::Function", Map.entry("Description", 256));

    private GeneratedNames() {
    }

    public static List<String> problems(JsonNode input, JsonNode output) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : output.path("Resources").properties()) {
            if (input.path("Resources").has(resource.getKey())) {
                continue;
            }
            String type = resource.getValue().path("Type").asText();
            Map.Entry<String, Integer> described = DESCRIBED.get(type);
            JsonNode description = described == null ? null
                    : resource.getValue().path("Properties").get(described.getKey());
            if (description != null && description.isTextual() && description.textValue().length() > described.getValue()) {
                problems.add(resource.getKey() + ": " + described.getKey() + " has " + description.textValue().length()
                        + " characters, over " + described.getValue());
            }
            String property = NAMED.get(type);
            if (property == null) {
                continue;
            }
            String name = evaluate(resource.getValue().path("Properties").path(property));
            if (name.length() > 128 || !name.matches("[a-zA-Z0-9-]+")) {
                problems.add(resource.getKey() + ": " + property + " would be '" + name + "'");
            }
        }
        return problems;
    }

    /** The few intrinsic functions a generated name is made of, as CloudFormation would work them out. */
    static String evaluate(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.has("Ref") && value.get("Ref").asText().equals("AWS::StackId")) {
            return STACK_ID;
        }
        if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
            return value.get("Fn::Sub").asText().replace("${AWS::StackName}", LONGEST_STACK_NAME);
        }
        if (value.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            value.get("Fn::Join").get(1).forEach(part -> parts.add(evaluate(part)));
            return String.join(value.get("Fn::Join").get(0).asText(), parts);
        }
        if (value.has("Fn::Select")) {
            JsonNode list = value.get("Fn::Select").get(1);
            int index = value.get("Fn::Select").get(0).asInt();
            return list.has("Fn::Split") ? split(list.get("Fn::Split"))[index] : evaluate(list.get(index));
        }
        throw new IllegalArgumentException("a name this check cannot work out: " + value);
    }

    private static String[] split(JsonNode arguments) {
        return evaluate(arguments.get(1)).split(java.util.regex.Pattern.quote(arguments.get(0).asText()), -1);
    }
}
