package dev.outboundwishlist.diagram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.statemachine.ExpandedDefinitions;
import dev.outboundwishlist.template.Template;

import java.util.ArrayList;
import java.util.List;

/** The state machines of a template as graphs: the definitions as written beside their expansion. */
public final class Diagrams {

    private Diagrams() {
    }

    /**
     * @param written  the template as read, before expansion (not changed)
     * @param expanded the expanded template
     */
    public static List<StateGraph> stateMachines(Template written, ObjectNode expanded) {
        List<StateGraph> graphs = new ArrayList<>();
        for (ExpandedDefinitions pair : ExpandedDefinitions.of(written, expanded)) {
            graphs.add(StateGraph.of(pair.name(), pair.written(), pair.expanded()));
        }
        return graphs;
    }
}
