package dev.outboundwishlist.diagram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.network.NetworkPlan;
import dev.outboundwishlist.statemachine.ExpandedDefinitions;
import dev.outboundwishlist.template.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a template draws: each state machine (the definition as written beside its expansion)
 * and the fenced network. One drawing is one chart, since a Mermaid block or a Graphviz file
 * renders only one: several become subgraphs (clusters) of a single chart, ids prefixed apart.
 *
 * @param machines the state machines, in template order
 * @param network  the fenced network, if any function is fenced
 */
public record Diagrams(List<StateGraph> machines, Optional<NetworkPlan> network) {

    /** The name that selects the network drawing. */
    public static final String NETWORK = "Network";

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

    /** The names {@link #only} accepts: each state machine's logical id, and {@value #NETWORK}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        machines.forEach(machine -> names.add(machine.machine()));
        network.ifPresent(plan -> names.add(NETWORK));
        return names;
    }

    /** Just the drawing of one state machine, or of the network; empty when there is none of that name. */
    public Optional<Diagrams> only(String name) {
        if (name.equals(NETWORK)) {
            return network.map(plan -> new Diagrams(List.of(), network));
        }
        return machines.stream().filter(m -> m.machine().equals(name)).findFirst()
                .map(machine -> new Diagrams(List.of(machine), Optional.empty()));
    }

    public boolean isEmpty() {
        return machines.isEmpty() && network.isEmpty();
    }

    public String mermaid() {
        if (machines.size() + (network.isPresent() ? 1 : 0) == 1) {
            return machines.isEmpty() ? NetworkDiagram.mermaid(network.get()) : MermaidDiagram.of(machines.get(0));
        }
        StringBuilder out = new StringBuilder("flowchart TD\n");
        Set<String> handlers = new TreeSet<>();
        for (int i = 0; i < machines.size(); i++) {
            StateGraph machine = machines.get(i).prefixed("m" + (i + 1) + "_");
            out.append("  subgraph m").append(i + 1).append("[\"").append(MermaidDiagram.text(machine.machine()))
                    .append("\"]\n");
            MermaidDiagram.body(out, machine, "    ");
            out.append("  end\n");
            handlers.addAll(machine.handlers());
        }
        network.ifPresent(plan -> {
            out.append("  subgraph network[\"").append(NETWORK).append("\"]\n    direction LR\n");
            NetworkDiagram.mermaidBody(out, plan, "n_", "    ");
            out.append("  end\n");
        });
        if (!machines.isEmpty()) {
            MermaidDiagram.handlerClasses(out, handlers);
        }
        return out.toString();
    }

    public String dot() {
        if (machines.size() + (network.isPresent() ? 1 : 0) == 1) {
            return machines.isEmpty() ? NetworkDiagram.dot(network.get()) : DotDiagram.of(machines.get(0));
        }
        StringBuilder out = new StringBuilder("digraph \"Template\" {\n  node [fontname=\"Helvetica\"];\n");
        for (int i = 0; i < machines.size(); i++) {
            StateGraph machine = machines.get(i).prefixed("m" + (i + 1) + "_");
            out.append("  subgraph cluster_m").append(i + 1).append(" {\n    label=\"")
                    .append(DotDiagram.text(machine.machine())).append("\";\n    node [shape=box, style=rounded];\n");
            DotDiagram.body(out, machine, "    ");
            out.append("  }\n");
        }
        network.ifPresent(plan -> {
            out.append("  subgraph cluster_network {\n    label=\"").append(NETWORK).append("\";\n");
            NetworkDiagram.dotBody(out, plan, "n_", "    ");
            out.append("  }\n");
        });
        return out.append("}\n").toString();
    }

    /** For a pull-request comment: each drawing under its own heading, in its own Mermaid block. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (StateGraph machine : machines) {
            out.append(out.isEmpty() ? "" : "\n").append("### State machine `").append(machine.machine())
                    .append("`\n\n```mermaid\n").append(MermaidDiagram.of(machine)).append("```\n");
        }
        network.ifPresent(plan -> out.append(out.isEmpty() ? "" : "\n").append("### Network\n\n```mermaid\n")
                .append(NetworkDiagram.mermaid(plan)).append("```\n"));
        return out.toString();
    }
}
