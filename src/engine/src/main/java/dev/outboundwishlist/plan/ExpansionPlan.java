package dev.outboundwishlist.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.LogicalIdAllocator;
import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.statemachine.ExpandedDefinitions;
import dev.outboundwishlist.statemachine.Scope;
import dev.outboundwishlist.template.Template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an expansion adds, read off the template as written and as expanded: per fenced
 * function, what it can reach and why; per state machine, what each state gained and the
 * permissions granted; the resources added, by type; and what they cost per month.
 */
public record ExpansionPlan(List<FunctionPlan> functions, List<MachinePlan> machines,
                            Map<String, Integer> addedResources, CostEstimate cost) {

    /**
     * @param profile   the functions that share its subnets share its name
     * @param reaches   each allow-list entry, with how it is checked
     * @param services  each AWS service reached through a VPC endpoint, with why
     * @param resources what was added for it
     */
    public record FunctionPlan(String function, String profile, String egress, List<String> reaches,
            List<String> services, List<String> resources) {
    }

    /**
     * A state's gains; lists are empty where it gained nothing of that kind.
     *
     * @param role      the role the state's task runs under, as written, or null
     * @param viaHelper whether a generated helper function assumes that role (rather than native Credentials)
     */
    public record StateChange(String state, List<String> catchers, List<String> retriers, String role,
            boolean viaHelper) {
    }

    /** @param grants the permissions the expansion granted, one line per statement, naming the role that holds it */
    public record MachinePlan(String machine, List<StateChange> states, List<String> grants) {
    }

    /** @param network the template's network plan, if it fences any function */
    public static ExpansionPlan of(Template written, ObjectNode expanded, Optional<NetworkPlan> network) {
        List<MachinePlan> machines = new ArrayList<>();
        for (ExpandedDefinitions pair : ExpandedDefinitions.of(written, expanded)) {
            List<StateChange> changes = changes(pair);
            List<String> grants = grants(written.root(), expanded, pair.site().resourceId());
            if (!changes.isEmpty() || !grants.isEmpty()) {
                machines.add(new MachinePlan(pair.name(), changes, grants));
            }
        }
        Map<String, Integer> added = new TreeMap<>();
        List<JsonNode> addedResources = new ArrayList<>();
        JsonNode writtenResources = written.root().path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = expanded.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!writtenResources.has(resource.getKey())) {
                added.merge(resource.getValue().path("Type").asText(), 1, Integer::sum);
                addedResources.add(resource.getValue());
            }
        }
        List<FunctionPlan> functions = network.map(n -> FunctionPlans.of(n, expanded)).orElse(List.of());
        return new ExpansionPlan(functions, machines, added, CostEstimate.of(addedResources));
    }

    private static List<StateChange> changes(ExpandedDefinitions pair) {
        List<StateChange> changes = new ArrayList<>();
        List<Scope> before = Scope.all(pair.written());
        List<Scope> after = Scope.all(pair.expanded());
        for (int s = 0; s < after.size(); s++) {
            Scope scope = after.get(s);
            JsonNode writtenStates = s < before.size() ? before.get(s).states() : pair.written().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> state = it.next();
                JsonNode was = writtenStates.path(state.getKey());
                JsonNode now = state.getValue();
                List<String> catchers = added(was.path("Catch"), now.path("Catch"), true);
                List<String> retriers = added(was.path("Retry"), now.path("Retry"), false);
                JsonNode role = was.has("RoleArn") ? was.get("RoleArn") : was.get("RoleArn.$");
                if (!catchers.isEmpty() || !retriers.isEmpty() || role != null) {
                    String name = scope.path().isRoot() ? state.getKey() : scope.statePath(state.getKey()).toString();
                    changes.add(new StateChange(pair.site().display(name), catchers, retriers,
                            role == null ? null : role.isTextual() ? pair.site().display(role.textValue())
                                    : role.toString(),
                            role != null && !now.has("Credentials")));
                }
            }
        }
        return changes;
    }

    /** Catchers ({@code errors -> handler}) or retriers the state has now and did not have as written. */
    private static List<String> added(JsonNode before, JsonNode after, boolean catchers) {
        List<String> added = new ArrayList<>();
        for (JsonNode handler : after) {
            boolean written = false;
            for (JsonNode old : before) {
                written |= old.equals(handler);
            }
            if (!written) {
                List<String> errors = new ArrayList<>();
                handler.path("ErrorEquals").forEach(e -> errors.add(e.asText()));
                String detail = catchers ? " -> " + handler.path("Next").asText()
                        : handler.has("MaxAttempts") ? attempts(handler.get("MaxAttempts").asText()) : "";
                added.add(String.join(", ", errors) + detail);
            }
        }
        return added;
    }

    private static String attempts(String count) {
        return " (" + count + (count.equals("1") ? " attempt)" : " attempts)");
    }

    /**
     * Statements the expansion wrote (they carry a Sid) into the machine's policies or into the
     * resources it added for the machine (their ids start with {@code Owl} and the machine's id).
     */
    private static List<String> grants(JsonNode written, JsonNode expanded, String machine) {
        List<String> grants = new ArrayList<>();
        JsonNode writtenPolicies = written.path("Resources").path(machine).path("Properties").path("Policies");
        JsonNode policies = expanded.path("Resources").path(machine).path("Properties").path("Policies");
        if (!policies.equals(writtenPolicies)) {
            collectGrants(policies, "the machine's execution role", grants);
        }
        String prefix = LogicalIdAllocator.stem(machine);
        for (Iterator<Map.Entry<String, JsonNode>> it = expanded.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!written.path("Resources").has(resource.getKey()) && resource.getKey().startsWith(prefix)) {
                JsonNode properties = resource.getValue().path("Properties");
                String holder = "AWS::IAM::Role".equals(resource.getValue().path("Type").asText())
                        ? resource.getKey() : describe(properties.path("Roles").path(0));
                collectGrants(properties, holder, grants);
            }
        }
        return grants;
    }

    private static void collectGrants(JsonNode node, String holder, List<String> grants) {
        if (node.isObject() && node.has("Sid") && node.has("Action")) {
            List<String> actions = new ArrayList<>();
            JsonNode action = node.get("Action");
            (action.isArray() ? action : List.of(action)).forEach(a -> actions.add(a.asText()));
            List<String> resources = new ArrayList<>();
            JsonNode resource = node.path("Resource");
            (resource.isArray() ? resource : List.of(resource)).forEach(r -> resources.add(describe(r)));
            grants.add(node.get("Sid").asText() + ": " + String.join(", ", actions) + " on "
                    + String.join(", ", resources) + ", to " + holder);
            return;
        }
        node.forEach(child -> collectGrants(child, holder, grants));
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        JsonNode getAtt = value.get("Fn::GetAtt");
        if (getAtt != null && getAtt.isArray() && getAtt.size() == 2) {
            return getAtt.get(0).asText() + "." + getAtt.get(1).asText();
        }
        if (getAtt != null && getAtt.isTextual()) {
            return getAtt.asText();
        }
        JsonNode ref = value.get("Ref");
        return ref != null ? ref.asText() : value.toString();
    }
}
