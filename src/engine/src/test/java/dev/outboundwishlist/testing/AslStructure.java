package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.statemachine.Scope;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structural check of Amazon States Language, enough to trust an expanded definition: every
 * scope starts at a state it has; every transition and catcher target is a state of the same
 * scope; every state can be reached from StartAt (Step Functions rejects unreachable states);
 * catchers and retriers are well formed with States.ALL alone and last; each state has exactly
 * one way on; and no extension key is left. Returns the problems found (none: valid).
 */
public final class AslStructure {

    private static final Set<String> TERMINAL = Set.of("Succeed", "Fail");
    private static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

    private AslStructure() {
    }

    public static List<String> problems(com.fasterxml.jackson.databind.node.ObjectNode definition) {
        List<String> problems = new ArrayList<>();
        for (Scope scope : Scope.all(definition)) {
            check(scope, problems);
        }
        return problems;
    }

    private static void check(Scope scope, List<String> problems) {
        JsonNode states = scope.node().get("States");
        String where = scope.path().isRoot() ? "definition" : scope.path().toString();
        if (states == null || !states.isObject() || states.isEmpty()) {
            problems.add(where + ": no States");
            return;
        }
        for (String key : new String[] {"Catch", "Retry"}) {
            if (scope.node().has(key)) {
                problems.add(where + ": definition-level " + key + " left");
            }
        }
        target(states, scope.node().get("StartAt"), where + "/StartAt", problems);
        Set<String> reachable = reachable(states, scope.node().path("StartAt").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            TemplatePath path = scope.statePath(entry.getKey());
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            if (!reachable.contains(entry.getKey())) {
                problems.add(path + ": not reachable from StartAt");
            }
            if (!TYPES.contains(type)) {
                problems.add(path + ": unknown Type '" + type + "'");
            }
            for (String key : new String[] {"RoleArn", "RoleArn.$"}) {
                if (state.has(key)) {
                    problems.add(path + ": extension key " + key + " left");
                }
            }
            boolean ends = state.path("End").asBoolean(false);
            if (type.equals("Choice")) {
                state.path("Choices").forEach(choice -> target(states, choice.get("Next"), path + "/Choices", problems));
                if (state.has("Default")) {
                    target(states, state.get("Default"), path + "/Default", problems);
                }
            } else if (!TERMINAL.contains(type) && (state.has("Next") == ends)) {
                problems.add(path + ": needs exactly one of Next and End");
            } else if (state.has("Next")) {
                target(states, state.get("Next"), path + "/Next", problems);
            }
            handlers(states, state.get("Catch"), path + "/Catch", true, problems);
            handlers(states, state.get("Retry"), path + "/Retry", false, problems);
        }
    }

    private static void handlers(JsonNode states, JsonNode list, String path, boolean catchers, List<String> problems) {
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            problems.add(path + ": not a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode errors = list.get(i).get("ErrorEquals");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                problems.add(path + "/" + i + ": no ErrorEquals");
                continue;
            }
            for (JsonNode error : errors) {
                if (error.asText().equals("States.ALL") && (errors.size() > 1 || i < list.size() - 1)) {
                    problems.add(path + "/" + i + ": States.ALL not alone and last");
                }
            }
            if (catchers) {
                target(states, list.get(i).get("Next"), path + "/" + i + "/Next", problems);
            }
        }
    }

    private static Set<String> reachable(JsonNode states, String start) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!states.has(name) || !seen.add(name)) {
                continue;
            }
            JsonNode state = states.get(name);
            List<JsonNode> targets = new ArrayList<>(List.of(state.path("Next"), state.path("Default")));
            state.path("Choices").forEach(choice -> targets.add(choice.path("Next")));
            state.path("Catch").forEach(catcher -> targets.add(catcher.path("Next")));
            targets.stream().filter(JsonNode::isTextual).forEach(t -> pending.push(t.textValue()));
        }
        return seen;
    }

    private static void target(JsonNode states, JsonNode name, String path, List<String> problems) {
        if (name == null || !name.isTextual() || !states.has(name.textValue())) {
            problems.add(path + ": '" + (name == null ? "(none)" : name.asText()) + "' is not a state of this scope");
        }
    }
}
