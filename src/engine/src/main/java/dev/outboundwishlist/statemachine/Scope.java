package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A set of states that transition among themselves: the definition itself, a Parallel branch,
 * or a Map state's ItemProcessor (or older Iterator). States of one scope cannot transition into
 * another; an inner scope's failure surfaces through its enclosing Parallel or Map state.
 *
 * @param path where the scope sits inside the definition ({@code ROOT} for the definition itself)
 * @param defaultLanguage the definition's QueryLanguage, which every state inherits unless it sets its own
 */
public record Scope(ObjectNode node, TemplatePath path, String defaultLanguage) {

    public static final String JSONPATH = "JSONPath";
    public static final String JSONATA = "JSONata";
    /**
     * Where a Map state keeps its states: ItemProcessor, or Iterator as older definitions write it.
     * An array, not a list: it is walked once per state, and an iterator each time is measurable.
     */
    private static final String[] PROCESSORS = {"ItemProcessor", "Iterator"};

    /** Every scope of a definition, outermost first, in the order states are written. */
    public static List<Scope> all(ObjectNode definition) {
        String language = definition.path("QueryLanguage").isTextual()
                ? definition.get("QueryLanguage").textValue() : JSONPATH;
        List<Scope> scopes = new ArrayList<>();
        collect(new Scope(definition, TemplatePath.ROOT, language), scopes);
        return scopes;
    }

    private static void collect(Scope scope, List<Scope> scopes) {
        scopes.add(scope);
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            JsonNode branches = state.getValue().path("Branches");
            for (int i = 0; i < branches.size(); i++) {
                if (branches.get(i) instanceof ObjectNode branch) {
                    TemplatePath path = scope.statePath(state.getKey()).key("Branches").index(i);
                    collect(new Scope(branch, path, scope.defaultLanguage), scopes);
                }
            }
            for (String processor : PROCESSORS) {
                if (state.getValue().get(processor) instanceof ObjectNode inner) {
                    collect(new Scope(inner, scope.statePath(state.getKey()).key(processor), scope.defaultLanguage),
                            scopes);
                }
            }
        }
    }

    /** The States mapping, or an empty one when the scope has none (or something else). */
    public JsonNode states() {
        JsonNode states = node.get("States");
        return states != null && states.isObject() ? states : node.objectNode();
    }

    public TemplatePath statePath(String name) {
        return path.key("States").key(name);
    }

    /** The state's own QueryLanguage, or the definition's. */
    public String languageOf(JsonNode state) {
        JsonNode own = state.get("QueryLanguage");
        return own != null && own.isTextual() ? own.textValue() : defaultLanguage;
    }
}
