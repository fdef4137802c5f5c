package dev.outboundwishlist.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.statemachine.Scope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine as a graph to draw: its states (grouped by scope) and transitions, each
 * transition marked as written by the user or added by the expansion (a definition-level
 * catcher), and the states that handle errors.
 *
 * @param scopes one entry per scope, outermost first; a nested scope names the state that holds it
 */
public record StateGraph(String machine, List<ScopeNodes> scopes, List<Edge> edges, Set<String> handlers) {

    /** The states of one scope; {@code owner} is the Parallel or Map state holding it (null at the top). */
    public record ScopeNodes(String id, String label, String owner, List<Node> states) {
    }

    public record Node(String id, String name, String type) {
    }

    /** A transition; {@code injected} for a catch edge the expansion added, {@code label} for catchers. */
    public record Edge(String from, String to, String label, boolean catchEdge, boolean injected) {
    }

    /** The same graph with {@code prefix} before every id, so that several graphs can share one drawing. */
    public StateGraph prefixed(String prefix) {
        List<ScopeNodes> renamedScopes = scopes.stream().map(scope -> new ScopeNodes(prefix + scope.id(), scope.label(),
                scope.owner() == null ? null : prefix + scope.owner(), scope.states().stream()
                .map(node -> new Node(prefix + node.id(), node.name(), node.type())).toList())).toList();
        List<Edge> renamedEdges = edges.stream().map(edge -> new Edge(prefix + edge.from(), prefix + edge.to(),
                edge.label(), edge.catchEdge(), edge.injected())).toList();
        Set<String> renamedHandlers = new HashSet<>();
        handlers.forEach(handler -> renamedHandlers.add(prefix + handler));
        return new StateGraph(machine, renamedScopes, renamedEdges, renamedHandlers);
    }

    /** Compares the definition as written with the expanded one: catch edges only in the latter are injected. */
    public static StateGraph of(String machine, ObjectNode written, ObjectNode expanded) {
        List<Scope> before = Scope.all(written);
        List<Scope> after = Scope.all(expanded);
        List<ScopeNodes> scopes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> handlers = new HashSet<>();
        for (int s = 0; s < after.size(); s++) {
            Scope scope = after.get(s);
            Scope original = s < before.size() ? before.get(s) : scope;
            String prefix = "s" + s + "_";
            List<Node> nodes = new ArrayList<>();
            int index = 0;
            Map<String, String> ids = new LinkedHashMap<>();
            for (Iterator<String> names = scope.states().fieldNames(); names.hasNext(); ) {
                ids.put(names.next(), prefix + index++);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> state = it.next();
                String from = ids.get(state.getKey());
                JsonNode body = state.getValue();
                nodes.add(new Node(from, state.getKey(), body.path("Type").asText()));
                transition(edges, ids, from, body.get("Next"), null);
                transition(edges, ids, from, body.get("Default"), "Default");
                body.path("Choices").forEach(choice -> transition(edges, ids, from, choice.get("Next"), null));
                JsonNode writtenCatch = original.states().path(state.getKey()).path("Catch");
                for (JsonNode catcher : body.path("Catch")) {
                    String target = catcher.path("Next").asText();
                    if (ids.containsKey(target)) {
                        handlers.add(ids.get(target));
                        boolean injected = !contains(writtenCatch, catcher);
                        edges.add(new Edge(from, ids.get(target), String.join(", ",
                                texts(catcher.path("ErrorEquals"))), true, injected));
                    }
                }
            }
            String owner = scope.path().isRoot() ? null : ownerId(scope, after, s);
            scopes.add(new ScopeNodes("scope" + s, scope.path().isRoot() ? machine : scopeLabel(scope), owner, nodes));
        }
        return new StateGraph(machine, scopes, edges, handlers);
    }

    private static void transition(List<Edge> edges, Map<String, String> ids, String from, JsonNode target,
                                   String label) {
        if (target != null && target.isTextual() && ids.containsKey(target.textValue())) {
            edges.add(new Edge(from, ids.get(target.textValue()), label, false, false));
        }
    }

    private static boolean contains(JsonNode writtenCatchers, JsonNode catcher) {
        for (JsonNode written : writtenCatchers) {
            if (written.path("Next").equals(catcher.path("Next"))
                    && written.path("ErrorEquals").equals(catcher.path("ErrorEquals"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The node id of the Parallel or Map state that holds a nested scope. */
    private static String ownerId(Scope scope, List<Scope> all, int index) {
        List<Object> segments = scope.path().segments();
        for (int s = index - 1; s >= 0; s--) {
            Scope candidate = all.get(s);
            List<Object> parent = candidate.path().segments();
            if (segments.size() > parent.size() + 2 && segments.subList(0, parent.size()).equals(parent)
                    && "States".equals(segments.get(parent.size()))) {
                String state = (String) segments.get(parent.size() + 1);
                int position = 0;
                for (Iterator<String> names = candidate.states().fieldNames(); names.hasNext(); position++) {
                    if (names.next().equals(state)) {
                        return "s" + s + "_" + position;
                    }
                }
            }
        }
        return null;
    }

    private static String scopeLabel(Scope scope) {
        List<Object> segments = scope.path().segments();
        String state = (String) segments.get(segments.size() - (segments.get(segments.size() - 1) instanceof Integer ? 3 : 2));
        Object last = segments.get(segments.size() - 1);
        return last instanceof Integer branch ? state + " — branch " + (branch + 1) : state + " — " + last;
    }
}
