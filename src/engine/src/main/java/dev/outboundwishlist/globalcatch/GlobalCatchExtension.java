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
import dev.outboundwishlist.template.Intrinsics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
                // Warned of while validating, so the warning comes with every other finding.
                plan(site, scope, context.diagnostics()).ifPresent(ScopePlan::warnOfUselessHandlers);
            }
        }
    }

    @Override
    public void expand(ExpansionContext context) {
        for (DefinitionSite site : DefinitionLocator.locate(context)) {
            for (Scope scope : Scope.all(site.definition())) {
                plan(site, scope, context.diagnostics()).ifPresent(ScopePlan::apply);
            }
            site.writeBack();
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
        if (!site.checkCanInline(diagnostics, "a definition-level Catch or Retry")) {
            return Optional.empty();
        }
        Optional<ArrayNode> catchers = DefinitionLevelHandlers.read(site, scope, HandlerKind.CATCH, diagnostics);
        Optional<ArrayNode> retriers = DefinitionLevelHandlers.read(site, scope, HandlerKind.RETRY, diagnostics);
        boolean invalid = scope.node().has("Catch") && catchers.isEmpty() || scope.node().has("Retry") && retriers.isEmpty();
        Map<String, Set<String>> ledTo = new LinkedHashMap<>();
        catchers.ifPresent(list -> list.forEach(c -> {
            String handler = c.get("Next").textValue();
            ledTo.put(handler, HandlerReachability.from(List.of(handler), scope.states()));
        }));
        Set<String> mainFlow = HandlerReachability.mainFlow(scope.node().path("StartAt").asText(), scope.states());
        List<ObjectNode> catchTargets = new ArrayList<>();
        List<ObjectNode> retryTargets = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        List<String> inHandlerFlow = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scope.states().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String name = state.getKey();
            JsonNode body = state.getValue();
            if (!TARGET_TYPES.contains(body.path("Type").asText())) {
                continue;
            }
            // A state's own lists are checked even where the definition-level one is wrong: all findings at once.
            if (scope.node().has(HandlerKind.CATCH.key)) {
                invalid |= !ownListIsSound(site, scope, name, body, HandlerKind.CATCH, diagnostics);
            }
            if (catchers.isPresent()) {
                Optional<String> handler = handlerLeadingTo(ledTo, name);
                if (handler.isPresent()) {
                    inHandlerFlow.add("'" + site.display(name) + "'");
                    // Left without the catcher, a state of the main flow would fail unhandled: the user decides.
                    if (mainFlow.contains(name) && !ledTo.containsKey(name) && !body.has("Catch")) {
                        boolean starts = handler.get().equals(scope.node().path("StartAt").asText());
                        withheld.add("'" + site.display(name) + "' (" + (starts ? "it follows the handler '"
                                + site.display(handler.get()) + "', which is also where the flow starts"
                                : "the handler '" + site.display(handler.get()) + "' leads back to it") + ")");
                    }
                } else if (takes(body, "Catch")) {
                    invalid |= !fitsLanguage(site, scope, name, body, catchers.get(), diagnostics);
                    catchTargets.add((ObjectNode) body);
                }
            }
            if (scope.node().has(HandlerKind.RETRY.key)) {
                invalid |= !ownListIsSound(site, scope, name, body, HandlerKind.RETRY, diagnostics);
            }
            if (retriers.isPresent()) {
                if (takes(body, "Retry")) {
                    retryTargets.add((ObjectNode) body);
                }
            }
        }
        if (!withheld.isEmpty()) {
            invalid = true;
            site.report(diagnostics, DiagnosticCode.CATCHER_WITHHELD, scope.path().key("Catch"),
                    "cannot be added to " + String.join(", ", withheld) + ": it would catch into its own handler; "
                            + "give such a state its own Catch, or Catch: [] to leave it without one");
        }
        return invalid ? Optional.empty() : Optional.of(new ScopePlan(site, scope, catchers, retriers,
                catchTargets, retryTargets, inHandlerFlow, diagnostics));
    }

    /** The first handler whose flow reaches the state (a loop, not a stream: it runs for every state). */
    private static Optional<String> handlerLeadingTo(Map<String, Set<String>> ledTo, String name) {
        for (Map.Entry<String, Set<String>> handler : ledTo.entrySet()) {
            if (handler.getValue().contains(name)) {
                return Optional.of(handler.getKey());
            }
        }
        return Optional.empty();
    }

    /** A state's own list, which definition-level handlers join, must be a well-formed ASL list. */
    private static boolean ownListIsSound(DefinitionSite site, Scope scope, String name, JsonNode state,
                                          HandlerKind kind, Diagnostics diagnostics) {
        JsonNode own = state.get(kind.key);
        if (own == null) {
            return true;
        }
        if (!own.isArray()) {
            site.report(diagnostics, DiagnosticCode.WRONG_HANDLER_TYPE, scope.statePath(name).key(kind.key),
                    Intrinsics.isIntrinsic(own)
                            ? "is an intrinsic function, which definition-level " + kind.noun + "s cannot join before "
                            + "CloudFormation resolves it; write the list out, or give the state " + kind.key
                            + ": [] to opt out"
                            : "must be a list of " + kind.noun + "s in a state (the short forms are for the definition "
                            + "level only), or [] to opt out");
            return false;
        }
        for (int i = 0; i < own.size(); i++) {
            JsonNode errors = own.get(i).path("ErrorEquals");
            if (!own.get(i).isObject() || !errors.isArray() || errors.isEmpty()) {
                // Step Functions would refuse it; merged behind, definition-level ones would go down with it.
                site.report(diagnostics, DiagnosticCode.MALFORMED_HANDLER, scope.statePath(name).key(kind.key).index(i),
                        "must be a " + kind.noun + " with a non-empty ErrorEquals list before definition-level "
                                + kind.noun + "s can join the list of state '" + site.display(name) + "'");
                return false;
            }
            boolean all = false;
            for (JsonNode error : errors) {
                all |= DefinitionLevelHandlers.ALL.equals(error.asText());
            }
            if (all && (errors.size() > 1 || i < own.size() - 1)) {
                site.report(diagnostics, DiagnosticCode.STATES_ALL_NOT_LAST,
                        scope.statePath(name).key(kind.key).index(i).key("ErrorEquals"),
                        "has States.ALL, which must be alone in the last " + kind.noun + " of state '"
                                + site.display(name) + "' before definition-level " + kind.noun + "s can join it");
                return false;
            }
            JsonNode next = own.get(i).get("Next");
            if (kind == HandlerKind.CATCH && next != null && next.isTextual() && !scope.states().has(next.textValue())) {
                // Step Functions would refuse the whole definition, definition-level catchers and all.
                site.report(diagnostics, DiagnosticCode.CATCH_HANDLER_UNKNOWN,
                        scope.statePath(name).key(kind.key).index(i).key("Next"), "'" + site.display(next.textValue())
                                + "' is not a state of " + (scope.path().isRoot() ? "this definition" : "this scope")
                                + "; the catchers of state '" + site.display(name) + "' can only move to a state of "
                                + "the same States mapping");
                return false;
            }
        }
        return true;
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
