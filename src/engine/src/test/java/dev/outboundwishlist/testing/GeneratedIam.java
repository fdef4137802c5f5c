package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Least privilege, checked: every IAM statement the expansion added (one not in the input) has no
 * wildcard action or resource ({@code *}, {@code service:*}) unless the user wrote that very
 * pattern somewhere in the input (an AllowedRoleArns pattern, say); a bare {@code *} never passes
 * — except in a VPC endpoint policy bounded to the stack's own account's resources, where
 * {@code *} means "every call of this service, on our resources" (what a fenced function needs).
 * A Deny only takes permissions away, so its resources may be {@code *}.
 */
public final class GeneratedIam {

    private GeneratedIam() {
    }

    public static List<String> wildcards(JsonNode input, JsonNode output) {
        Set<JsonNode> written = new HashSet<>();
        collectStatements(input, written);
        Set<String> userText = new HashSet<>();
        collectText(input, userText);
        Set<JsonNode> generated = new HashSet<>();
        collectStatements(output, generated);
        generated.removeAll(written);
        List<String> problems = new ArrayList<>();
        for (JsonNode statement : generated) {
            if (boundedToOwnAccount(statement) || statement.path("Effect").asText().equals("Deny")) {
                continue;
            }
            for (String field : new String[] {"Action", "Resource"}) {
                for (JsonNode value : statement.path(field).isArray() ? statement.get(field) : List.of(statement.path(field))) {
                    String text = value.asText("");
                    boolean wildcard = text.equals("*") || text.endsWith(":*") || text.contains("*");
                    if (wildcard && (text.equals("*") || !userText.contains(text))) {
                        problems.add(field + " " + text + " in " + statement);
                    }
                }
            }
        }
        return problems;
    }

    /** An Allow whose every request must come from the stack's account (or a trusted one). */
    private static boolean boundedToOwnAccount(JsonNode statement) {
        JsonNode accounts = statement.path("Condition").path("StringEquals").path("aws:PrincipalAccount");
        return statement.path("Principal").asText().equals("*") && accounts.isArray()
                && accounts.get(0).path("Ref").asText().equals("AWS::AccountId");
    }

    private static void collectStatements(JsonNode node, Set<JsonNode> statements) {
        if (node.isObject() && node.has("Effect") && (node.has("Action") || node.has("NotAction"))) {
            statements.add(node);
        }
        node.forEach(child -> collectStatements(child, statements));
    }

    private static void collectText(JsonNode node, Set<String> text) {
        if (node.isTextual()) {
            text.add(node.textValue());
        }
        node.forEach(child -> collectText(child, text));
    }
}
