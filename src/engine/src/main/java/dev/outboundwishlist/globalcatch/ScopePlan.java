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
 */
record ScopePlan(DefinitionSite site, Scope scope, Optional<ArrayNode> catchers, Optional<ArrayNode> retriers,
                 List<ObjectNode> catchTargets, List<ObjectNode> retryTargets, Diagnostics diagnostics) {

    void apply() {
        ObjectNode states = (ObjectNode) scope.node().get("States");
        catchers.ifPresent(list -> applyTo(states, HandlerKind.CATCH, list, catchTargets));
        retriers.ifPresent(list -> applyTo(states, HandlerKind.RETRY, list, retryTargets));
        scope.node().remove(HandlerKind.CATCH.key);
        scope.node().remove(HandlerKind.RETRY.key);
    }

    private void applyTo(ObjectNode states, HandlerKind kind, ArrayNode definitionLevel, List<ObjectNode> targets) {
        int applied = 0;
        HandlerMerge merge = new HandlerMerge(definitionLevel);
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            if (it.next().getValue() instanceof ObjectNode state && GlobalCatchExtension.optsOut(state, kind.key)) {
                state.remove(kind.key);
            }
        }
        for (ObjectNode state : targets) {
            ArrayNode own = state.get(kind.key) instanceof ArrayNode list ? list : null;
            ArrayNode merged = merge.merge(own);
            if (own == null || merged.size() > own.size()) {
                applied++;
                place(state, kind, merged);
            }
        }
        if (applied == 0) {
            site.report(diagnostics, DiagnosticCode.APPLIED_TO_NO_STATE, scope.path().key(kind.key),
                    "applies to no state: " + (targets.isEmpty()
                            ? "no Task, Parallel or Map state of this scope takes it"
                            : "every state it could apply to already handles its errors") + "; remove it");
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
