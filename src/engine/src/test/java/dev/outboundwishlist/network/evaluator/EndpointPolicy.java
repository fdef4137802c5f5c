package dev.outboundwishlist.network.evaluator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a VPC endpoint policy lets any principal make the ordinary requests of the service (or
 * one named action) to resources owned by one account. IAM semantics, narrowed to that question:
 * an explicit Deny that can apply wins (for ordinary requests, one denying every action of the
 * service: a Deny of named actions leaves the others); otherwise some Allow must apply to every
 * principal ("*"), every action of the service ("*" or "prefix:*"; execute-api:Invoke for API
 * Gateway, whose ordinary requests are only that) and the account's resources
 * ("*" or an ARN whose account field matches).
 * Conditions: String(Not)Equals / String(Not)Like (and their IfExists forms) on
 * aws:ResourceAccount and aws:PrincipalAccount (the caller's account; absent, null, for a call
 * without AWS credentials); any other condition key is unknown, so an Allow carrying it does not
 * count and a Deny carrying it does (both the safe side). NotPrincipal/NotAction/NotResource are
 * rejected with an exception.
 */
final class EndpointPolicy {

    /** Endpoint service name -> IAM action prefix, where they differ. */
    private static final Map<String, String> ACTION_PREFIX = Map.of(
            "kinesis-streams", "kinesis", "kinesis-firehose", "firehose", "ecr.api", "ecr", "ecr.dkr", "ecr",
            "monitoring", "cloudwatch", "sagemaker.runtime", "sagemaker", "email-smtp", "ses", "email", "ses");

    /** Where a service's ordinary requests are one action: API Gateway's endpoint serves Invoke. */
    private static final Map<String, String> ORDINARY = Map.of("execute-api", "execute-api:invoke");

    private EndpointPolicy() {
    }

    /** Ordinary requests by a principal of {@code principalAccount} to resources of {@code account}. */
    static boolean allowsAccount(JsonNode policy, String service, String account, String principalAccount) {
        return allowsCall(policy, service, null, account, principalAccount);
    }

    /**
     * One action ({@code prefix:Name}), or with {@code action} null the ordinary requests, by a
     * principal of {@code principalAccount} to resources of {@code account}.
     */
    static boolean allowsCall(JsonNode policy, String service, String action, String account,
                              String principalAccount) {
        if (!Cfn.isPresent(policy)) {
            return true; // no PolicyDocument: the default policy allows full access
        }
        String prefix = ACTION_PREFIX.getOrDefault(service, service);
        boolean allowed = false;
        for (JsonNode statement : list(policy.path("Statement"))) {
            for (String key : List.of("NotPrincipal", "NotAction", "NotResource")) {
                if (statement.has(key)) {
                    throw new IllegalArgumentException("endpoint policy " + key + " is not modelled");
                }
            }
            boolean deny = "Deny".equals(statement.path("Effect").asText());
            if (deny) {
                if (anyPrincipalIn(statement) && denies(statement, prefix, action)
                        && resourceMatches(statement, account) && conditionHolds(statement, account, principalAccount, true)) {
                    return false;
                }
            } else if (everyPrincipal(statement) && everyAction(statement, prefix)
                    && resourceMatches(statement, account) && conditionHolds(statement, account, principalAccount, false)) {
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean everyPrincipal(JsonNode statement) {
        JsonNode p = statement.path("Principal");
        return p.isTextual() ? p.asText().equals("*") : texts(p.path("AWS")).contains("*");
    }

    /** A Deny naming particular principals still denies those; count it as applying. */
    private static boolean anyPrincipalIn(JsonNode statement) {
        return Cfn.isPresent(statement.path("Principal"));
    }

    private static boolean everyAction(JsonNode statement, String prefix) {
        return texts(statement.path("Action")).stream().map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> a.equals("*") || a.equals(prefix + ":*") || a.equals(ORDINARY.get(prefix)));
    }

    /** Whether a Deny's actions cover {@code action}, or (null) every action of the service. */
    private static boolean denies(JsonNode statement, String prefix, String action) {
        return texts(statement.path("Action")).stream().map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> a.equals("*") || a.equals(prefix + ":*")
                        || action != null && glob(a).matcher(action.toLowerCase(Locale.ROOT)).matches());
    }

    private static boolean resourceMatches(JsonNode statement, String account) {
        for (String r : texts(statement.path("Resource"))) {
            if (r.equals("*")) {
                return true;
            }
            String[] parts = r.split(":", 6);
            if (parts.length >= 5 && glob(parts[4]).matcher(account).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code unknownMeans} is the answer for a condition the model cannot evaluate. */
    private static boolean conditionHolds(JsonNode statement, String account, String principalAccount,
                                          boolean unknownMeans) {
        for (Map.Entry<String, JsonNode> operator : statement.path("Condition").properties()) {
            String op = operator.getKey().replace("IfExists", "");
            boolean known = List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike").contains(op);
            for (Map.Entry<String, JsonNode> test : operator.getValue().properties()) {
                boolean resourceKey = test.getKey().equalsIgnoreCase("aws:ResourceAccount");
                boolean principalKey = test.getKey().equalsIgnoreCase("aws:PrincipalAccount");
                if (!known || !resourceKey && !principalKey) {
                    if (unknownMeans) {
                        continue;
                    }
                    return false;
                }
                List<String> values = texts(test.getValue());
                String value = resourceKey ? account : principalAccount;
                if (value == null && operator.getKey().endsWith("IfExists")) {
                    continue; // an absent key satisfies an ...IfExists test
                }
                boolean hit = value != null && (op.endsWith("Equals") ? values.contains(value)
                        : values.stream().anyMatch(v -> glob(v).matcher(value).matches()));
                if (op.contains("Not") == hit) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (Cfn.isPresent(node)) {
            out.add(node);
        }
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node)) {
            String t = Cfn.text(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
