package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.engine.Diagnostics;
import dev.outboundwishlist.statemachine.DefinitionSite;
import dev.outboundwishlist.statemachine.Scope;
import dev.outboundwishlist.template.JsonFields;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated scope: the catchers and retriers to merge and the states that take them (the
 * states themselves, not their names: a lookup by name in a mapping of thousands of states costs
 * a cache miss each).
 *
 * @param inHandlerFlow Task, Parallel and Map states left without the catchers because a handler leads to them
 */
record ScopePlan(DefinitionSite site, Scope scope, Optional<ArrayNode> catchers, Optional<ArrayNode> retriers,
                 List<ObjectNode> catchTargets, List<ObjectNode> retryTargets, List<String> inHandlerFlow,
                 Diagnostics diagnostics) {

    /**
     * Warnings about definition-level lists, given while validating (expansion plans again, and
     * would repeat them): a handler that can never match, a list that adds nothing to any state.
     */
    void warnOfUselessHandlers() {
        catchers.ifPresent(list -> warn(HandlerKind.CATCH, list, catchTargets));
        retriers.ifPresent(list -> warn(HandlerKind.RETRY, list, retryTargets));
    }

    private void warn(HandlerKind kind, ArrayNode definitionLevel, List<ObjectNode> targets) {
        HandlerMerge merge = new HandlerMerge(definitionLevel);
        for (int i : merge.shadowed()) {
            site.report(diagnostics, DiagnosticCode.HANDLER_SHADOWED, scope.path().key(kind.key).index(i),
                    "can never match: earlier " + kind.noun + "s already take every error it names; remove it, "
                            + "or leave those errors out of the earlier ones");
        }
        if (targets.stream().anyMatch(state -> merge.addsTo(ownList(state, kind)))) {
            return;
        }
        String why;
        if (!targets.isEmpty()) {
            why = "every state it could apply to already handles its errors";
        } else if (kind == HandlerKind.CATCH && !inHandlerFlow.isEmpty()) {
            why = "its handlers lead to every Task, Parallel and Map state of this scope ("
                    + String.join(", ", inHandlerFlow) + "), and a catcher there would catch into itself";
        } else {
            why = "no Task, Parallel or Map state of this scope takes it";
        }
        site.report(diagnostics, DiagnosticCode.APPLIED_TO_NO_STATE, scope.path().key(kind.key),
                "applies to no state: " + why + "; remove it");
    }

    private static ArrayNode ownList(ObjectNode state, HandlerKind kind) {
        return state.get(kind.key) instanceof ArrayNode list ? list : null;
    }

    void apply() {
        ObjectNode states = (ObjectNode) scope.node().get("States");
        catchers.ifPresent(list -> applyTo(states, HandlerKind.CATCH, list, catchTargets));
        retriers.ifPresent(list -> applyTo(states, HandlerKind.RETRY, list, retryTargets));
        scope.node().remove(HandlerKind.CATCH.key);
        scope.node().remove(HandlerKind.RETRY.key);
    }

    private void applyTo(ObjectNode states, HandlerKind kind, ArrayNode definitionLevel, List<ObjectNode> targets) {
        HandlerMerge merge = new HandlerMerge(definitionLevel);
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            if (it.next().getValue() instanceof ObjectNode state && GlobalCatchExtension.optsOut(state, kind.key)) {
                state.remove(kind.key);
            }
        }
        for (ObjectNode state : targets) {
            ArrayNode own = ownList(state, kind);
            if (merge.addsTo(own)) {
                place(state, kind, merge.merge(own));
            }
        }
    }

    /** Retry, then Catch, then the transition, as Step Functions documentation writes a state. */
    private static void place(ObjectNode state, HandlerKind kind, ArrayNode list) {
        if (state.has(kind.key)) {
            state.set(kind.key, list);
            return;
        }
        JsonFields.insertBefore(state, kind.key, list,
                kind == HandlerKind.RETRY ? List.of("Catch", "Next", "End") : List.of("Next", "End"));
    }
}
