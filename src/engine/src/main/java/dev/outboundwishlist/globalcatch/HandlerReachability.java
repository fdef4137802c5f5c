package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which states a run can reach, walking transitions within one scope. Linear in the number of
 * states and transitions.
 */
final class HandlerReachability {

    private HandlerReachability() {
    }

    /**
     * The states a handler can lead to, following Next, Default, Choices[].Next and the states'
     * own catchers, transitively. A definition-level catcher on any of them could catch into itself.
     */
    static Set<String> from(Collection<String> handlers, JsonNode states) {
        return walk(handlers, states, true);
    }

    /** The states a run can pass through without failing: from StartAt along Next, Default and Choices. */
    static Set<String> mainFlow(String start, JsonNode states) {
        return walk(List.of(start), states, false);
    }

    private static Set<String> walk(Collection<String> starts, JsonNode states, boolean throughCatchers) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(starts);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            JsonNode state = states.get(name);
            if (state == null || !reached.add(name)) {
                continue;
            }
            follow(state.get("Next"), pending);
            follow(state.get("Default"), pending);
            state.path("Choices").forEach(choice -> follow(choice.get("Next"), pending));
            if (throughCatchers) {
                state.path("Catch").forEach(catcher -> follow(catcher.get("Next"), pending));
            }
        }
        return reached;
    }

    private static void follow(JsonNode target, Deque<String> pending) {
        if (target != null && target.isTextual()) {
            pending.push(target.textValue());
        }
    }
}
