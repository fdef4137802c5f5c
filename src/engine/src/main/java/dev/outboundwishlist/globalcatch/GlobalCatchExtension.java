package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Extension;
import dev.outboundwishlist.statemachine.DefinitionLocator;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.statemachine.Scope;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * E3: a {@code Catch} and {@code Retry} written once at the top of a definition (or of a Parallel
 * branch or Map processor) are merged into every Task, Parallel and Map state of that scope.
 * Catchers skip the states a handler leads to (a failing handler must not catch into itself);
 * {@code Catch: []} or {@code Retry: []} on a state opts it out.
 */
public final class GlobalCatchExtension implements Extension {

    private static final Set<String> TARGET_TYPES = Set.of("Task", "Parallel", "Map");

    @Override
    public void validate(ExpansionContext context) {
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            for (Scope scope : Scope.all(site.definition())) {
                plan(site, scope, context.diagnostics());
            }
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            for (Scope scope : Scope.all(site.definition())) {
                plan(site, scope, context.diagnostics()).ifPresent(ScopePlan::apply);
            }
            site.writeBack((ObjectNode) context.resources().get(site.resourceId()).get("Properties"));
        }
    }

    @Override
    public void checkExpanded(ExpansionContext context) {
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            for (Scope scope : Scope.all(site.definition())) {
                for (HandlerKind kind : HandlerKind.values()) {
                    if (scope.node().has(kind.key)) {
                        site.report(context.diagnostics(), DiagnosticCode.EXTENSION_KEY_LEFT,
                                scope.path().key(kind.key), "was not expanded; please report it");
                    }
                }
            }
        }
    }

    /** What one scope's definition-level keys do: which states get what. Reports every problem. */
    private static Optional<ScopePlan> plan(DefinitionSite site, Scope scope, Diagnostics diagnostics) {
        if (!scope.node().has("Catch") && !scope.node().has("Retry")) {
            return Optional.empty();
        }
        if (!scope.node().path("States").isObject()) {
            site.report(diagnostics, DiagnosticCode.SCOPE_NOT_A_STATE_MACHINE, scope.path(),
                    "has a definition-level Catch or Retry but no States mapping to apply it to");
            return Optional.empty();
        }
        boolean invalid = false;
        Optional<ArrayNode> catchers = DefinitionLevelHandlers.read(site, scope, HandlerKind.CATCH, diagnostics);
        Optional<ArrayNode> retriers = DefinitionLevelHandlers.read(site, scope, HandlerKind.RETRY, diagnostics);
        invalid |= scope.node().has("Catch") && catchers.isEmpty();
        invalid |= scope.node().has("Retry") && retriers.isEmpty();
        List<String> handlers = new ArrayList<>();
        catchers.ifPresent(list -> list.forEach(c -> handlers.add(c.get("Next").textValue())));
        Set<String> handlerChain = HandlerReachability.from(handlers, scope.states());
        List<String> catchTargets = new ArrayList<>();
        List<String> retryTargets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            JsonNode body = state.getValue();
            if (!TARGET_TYPES.contains(body.path("Type").asText())) {
                continue;
            }
            if (catchers.isPresent() && takes(body, "Catch") && !handlerChain.contains(state.getKey())) {
                invalid |= !fitsLanguage(site, scope, state.getKey(), body, catchers.get(), diagnostics);
                catchTargets.add(state.getKey());
            }
            if (retriers.isPresent() && takes(body, "Retry")) {
                retryTargets.add(state.getKey());
            }
        }
        return invalid ? Optional.empty() : Optional.of(new ScopePlan(site, scope, catchers, retriers,
                catchTargets, retryTargets, diagnostics));
    }

    /** A state takes definition-level handlers unless it opts out; a malformed own list is left to Step Functions. */
    private static boolean takes(JsonNode state, String key) {
        return !optsOut(state, key) && (!state.has(key) || state.get(key).isArray());
    }

    static boolean optsOut(JsonNode state, String key) {
        return state.path(key).isArray() && state.get(key).isEmpty();
    }

    /** ResultPath belongs to JSONPath states and Output to JSONata states: a catcher must fit its target. */
    private static boolean fitsLanguage(DefinitionSite site, Scope scope, String name, JsonNode state,
                                        ArrayNode catchers, Diagnostics diagnostics) {
        String language = scope.languageOf(state);
        String wrong = Scope.JSONATA.equals(language) ? "ResultPath" : "Output";
        String right = Scope.JSONATA.equals(language) ? "Output" : "ResultPath";
        boolean fits = true;
        for (int i = 0; i < catchers.size(); i++) {
            if (catchers.get(i).has(wrong)) {
                JsonNode written = scope.node().get("Catch");
                var path = scope.path().key("Catch");
                site.report(diagnostics, DiagnosticCode.WRONG_QUERY_LANGUAGE_FIELD,
                        written.isArray() ? path.index(i).key(wrong) : path.key(wrong),
                        "cannot apply to state '" + site.display(name) + "', which uses " + language + "; "
                                + wrong + " belongs to " + (wrong.equals("Output") ? "JSONata" : "JSONPath")
                                + " states (use " + right + ", or give that state Catch: [] to opt out)");
                fits = false;
            }
        }
        return fits;
    }
}
